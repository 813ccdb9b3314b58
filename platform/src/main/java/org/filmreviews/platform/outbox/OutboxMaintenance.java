package org.filmreviews.platform.outbox;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/** Deletes outbox rows that were sent longer ago than the retention period. */
@ApplicationScoped
public class OutboxMaintenance {

    private static final Logger LOG = Logger.getLogger(OutboxMaintenance.class);

    @Inject
    OutboxConfig config;

    @Scheduled(every = "${filmreviews.outbox.prune-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            // A run that starts while the application stops would only fail on a closed EntityManagerFactory.
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduledPrune() {
        pruneSent();
    }

    @Transactional
    public long pruneSent() {
        long deleted = OutboxEvent.delete("sentAt < ?1", Instant.now().minus(config.retention()));
        if (deleted > 0) {
            LOG.infof("Pruned %d sent outbox events", deleted);
        }
        return deleted;
    }
}
