package org.filmreviews.moderation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.filmreviews.moderation.engine.EngineSettings;
import org.filmreviews.moderation.engine.ModerationEngine;
import org.jboss.logging.Logger;

/**
 * The one engine of the service, configured from {@code filmreviews.engine.*} and continuing from what
 * it learned before the last restart.
 */
public class EngineProducer {

    private static final Logger LOG = Logger.getLogger(EngineProducer.class);

    @Produces
    @ApplicationScoped
    ModerationEngine engine(EngineConfig config, ModelStore store) {
        EngineSettings settings = config.settings();
        return store.latest().map(model -> {
            try {
                ModerationEngine restored = ModerationEngine.restore(model.snapshot, settings);
                LOG.infof("The engine continues from the state saved at %s (%d moderator decisions learned; thresholds in force %s)",
                        model.savedAt, restored.decisionsLearned(), restored.thresholds().thresholds());
                return restored;
            } catch (IllegalArgumentException unreadable) {
                // e.g. written by a later engine: better the shipped model than no service
                LOG.warnf("The saved engine state %d cannot be read (%s); starting from the shipped model",
                        model.id, unreadable.getMessage());
                return new ModerationEngine(settings);
            }
        }).orElseGet(() -> new ModerationEngine(settings));
    }
}
