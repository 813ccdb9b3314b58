package org.filmreviews.moderation.learning;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.filmreviews.moderation.cases.ModerationCase;
import org.filmreviews.moderation.cases.ModerationCaseRepository;
import org.filmreviews.moderation.engine.ModerationEngine;
import org.filmreviews.moderation.engine.Submission;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * The engine remembers recent reviews to spot copies and floods, in a memory all instances share in the
 * database. When that memory is empty at start-up (a new table beside cases decided before it existed) it
 * is filled from the recent cases, oldest first, before the first new review arrives.
 */
@ApplicationScoped
public class EngineMemory {

    private static final Logger LOG = Logger.getLogger(EngineMemory.class);

    @Inject
    SharedEngine engines;

    @Inject
    SharedSubmissionMemory memory;

    @Inject
    ModerationCaseRepository cases;

    @Inject
    EngineConfig config;

    @Transactional
    void warmUp(@Observes StartupEvent startup) {
        if (!memory.empty()) {
            return;
        }
        ModerationEngine engine = engines.current();
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
