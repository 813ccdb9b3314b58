package org.filmreviews.review.service;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.scheduler.Scheduled;

/**
 * At most {@code filmreviews.reviews.rate-limit.max} new reviews and edits per author in any
 * {@code window} (see {@link AccountActivity}).
 */
@ApplicationScoped
public class SubmissionRateLimit {

    @Inject
    AccountActivity activity;

    @ConfigProperty(name = "filmreviews.reviews.rate-limit.max", defaultValue = "10")
    int max;

    @ConfigProperty(name = "filmreviews.reviews.rate-limit.window", defaultValue = "10m")
    Duration window;

    @Transactional(Transactional.TxType.MANDATORY)
    public void take(UUID authorId) {
        activity.take(limit(), authorId);
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            // A run that starts while the application stops would only fail on a closed EntityManagerFactory.
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void forgetOldActivity() {
        activity.forget(limit());
    }

    private RateLimit limit() {
        return new RateLimit("review", max, window, "post or edit");
    }
}
