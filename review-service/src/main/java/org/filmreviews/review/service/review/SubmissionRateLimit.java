package org.filmreviews.review.service.review;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;
import org.filmreviews.review.service.throttle.AccountActivity;
import org.filmreviews.review.service.throttle.RateLimit;

/**
 * At most {@code filmreviews.reviews.rate-limit.max} new reviews and edits per author in any
 * {@code window} (see {@link AccountActivity}).
 */
@ApplicationScoped
public class SubmissionRateLimit {

    @Inject
    AccountActivity activity;

    @Inject
    ReviewsConfig config;

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
        return new RateLimit("review", config.rateLimit().max(), config.rateLimit().window(), "post or edit");
    }
}
