package org.filmreviews.moderation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.filmreviews.moderation.engine.ModerationEngine;

/** The engine is plain Java; this makes the one instance of the service a CDI bean. */
public class EngineProducer {

    @Produces
    @ApplicationScoped
    ModerationEngine engine() {
        return new ModerationEngine();
    }
}
