package org.filmreviews.moderation.learning;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.filmreviews.moderation.engine.ModerationEngine;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;

/**
 * The engine of the service, at the newest learned state any instance stored, remembering submissions in the memory
 * every instance shares ({@link SharedSubmissionMemory}): so that N instances decide as one would.
 * <p>
 * Each {@link #current()} asks PostgreSQL for the id of the newest stored state (one index lookup) and restores it
 * when another instance stored it since; a lesson taught on one instance therefore changes the next decision of every
 * instance. Teaching ({@link EngineTraining}) starts from {@link #current()} under a lock every instance takes, so a
 * lesson learned anywhere is never lost by another instance saving over it.
 */
@ApplicationScoped
public class SharedEngine {

    private static final Logger LOG = Logger.getLogger(SharedEngine.class);

    /** An engine and the stored state it continues from (0: the shipped model). */
    private record Loaded(ModerationEngine engine, long modelId) {
    }

    @Inject
    EngineConfig config;

    @Inject
    ModelStore store;

    @Inject
    SharedSubmissionMemory memory;

    @Inject
    AgroalDataSource dataSource;

    private volatile Loaded loaded;

    /** The engine at the newest stored state. In a transaction or outside one. */
    public ModerationEngine current() {
        long newest = newestModelId();
        Loaded now = loaded;
        if (now != null && now.modelId() == newest) {
            return now.engine();
        }
        synchronized (this) {
            now = loaded;
            if (now == null || now.modelId() != newest) {
                now = load();
                loaded = now;
            }
            return now.engine();
        }
    }

    /** This instance stored the engine's state: it is the newest, without reading it back. */
    synchronized void stored(ModerationEngine engine, long modelId) {
        if (loaded == null || loaded.modelId() < modelId) {
            loaded = new Loaded(engine, modelId);
        }
    }

    /** The engine learned something that was not stored after all: the next {@link #current()} reads the stored state. */
    synchronized void discard(ModerationEngine engine) {
        if (loaded != null && loaded.engine() == engine) {
            loaded = null;
        }
    }

    private Loaded load() {
        Optional<EngineModel> latest = store.latest();
        if (latest.isEmpty()) {
            return new Loaded(ModerationEngine.builder().settings(config.settings()).memory(memory).build(), 0);
        }
        EngineModel model = latest.get();
        try {
            ModerationEngine restored = ModerationEngine.builder().settings(config.settings()).memory(memory)
                    .restoring(model.snapshot).build();
            LOG.infof(
                    "The engine continues from the state saved at %s (%d moderator decisions learned; thresholds in force %s)",
                    model.savedAt, restored.decisionsLearned(), restored.thresholds().thresholds());
            return new Loaded(restored, model.id);
        } catch (IllegalArgumentException unreadable) {
            // e.g. written by a later engine: better the shipped model than no service
            LOG.warnf("The saved engine state %d cannot be read (%s); starting from the shipped model", model.id,
                    unreadable.getMessage());
            return new Loaded(ModerationEngine.builder().settings(config.settings()).memory(memory).build(), model.id);
        }
    }

    private long newestModelId() {
        // The enlisted connection inside a transaction, an auto-commit one outside: no flush of the caller's entities.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT coalesce(max(id), 0) FROM engine_model");
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("The newest engine state could not be looked up", e);
        }
    }
}
