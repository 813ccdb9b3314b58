package org.filmreviews.moderation.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.filmreviews.moderation.domain.ModerationCase;
import org.filmreviews.moderation.engine.ModerationEngine;
import org.filmreviews.moderation.engine.Submission;
import org.filmreviews.moderation.repository.ModerationCaseRepository;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * The engine remembers recent reviews in memory to spot copies and floods; after a restart it
 * relearns them from the cases in the database, oldest first, before the first new review arrives.
 */
@ApplicationScoped
public class EngineMemory {

    private static final Logger LOG = Logger.getLogger(EngineMemory.class);

    @Inject
    ModerationEngine engine;

    @Inject
    ModerationCaseRepository cases;

    @Inject
    EngineConfig config;

    @Transactional
    void warmUp(@Observes StartupEvent startup) {
        List<ModerationCase> recent = cases.rememberedAfterRestart(config.memoryWarmUp());
        for (ModerationCase remembered : recent) {
            engine.remember(submissionOf(remembered));
        }
        if (!recent.isEmpty()) {
            LOG.infof("The engine remembers %d recent reviews", recent.size());
        }
    }

    static Submission submissionOf(ModerationCase c) {
        return new Submission(c.reviewId.toString(), c.filmId.toString(), c.authorId, c.headline, c.body,
                c.authorSpoiler, c.submittedAt);
    }
}
