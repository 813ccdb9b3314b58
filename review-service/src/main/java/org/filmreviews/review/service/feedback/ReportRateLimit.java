package org.filmreviews.review.service.feedback;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;
import org.filmreviews.review.service.throttle.AccountActivity;
import org.filmreviews.review.service.throttle.RateLimit;

/** At most {@code filmreviews.reports.rate-limit.max} reports per reader in any {@code window} (see {@link AccountActivity}). */
@ApplicationScoped
public class ReportRateLimit {

    @Inject
    AccountActivity activity;

    @Inject
    ReportsConfig config;

    @Transactional(Transactional.TxType.MANDATORY)
    public void take(UUID readerId) {
        activity.take(limit(), readerId);
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            // A run that starts while the application stops would only fail on a closed EntityManagerFactory.
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void forgetOldActivity() {
        activity.forget(limit());
    }

    private RateLimit limit() {
        return new RateLimit("report", config.rateLimit().max(), config.rateLimit().window(), "report");
    }
}
