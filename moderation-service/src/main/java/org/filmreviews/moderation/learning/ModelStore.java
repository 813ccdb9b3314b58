package org.filmreviews.moderation.learning;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.filmreviews.moderation.engine.ModerationEngine;

/** The engine's learned state in PostgreSQL: one row per save, the newest wins. */
@ApplicationScoped
public class ModelStore {

    @Inject
    EngineModelRepository models;

    @Inject
    EngineConfig config;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<EngineModel> latest() {
        return models.latest();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public EngineModel save(ModerationEngine engine) {
        EngineModel model = new EngineModel();
        model.engineVersion = ModerationEngine.VERSION;
        model.decisionsLearned = engine.decisionsLearned();
        model.snapshot = engine.snapshot();
        model.savedAt = Instant.now();
        models.persist(model);
        models.pruneKeeping(Math.max(1, config.keepSnapshots()));
        return model;
    }
}
