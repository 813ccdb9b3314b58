package org.filmreviews.platform.outbox;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

/**
 * Records a failed send of an outbox row, in the relay's transaction, and parks the row when the
 * {@link ParkingRule} says it keeps failing on its own.
 * <p>
 * A row that failed once is sent in a batch of its own from then on (see {@link OutboxSender}): a record the
 * broker refuses fails every record batched with it (the producer splits the batch by its own batch size,
 * which cannot go below a topic's smaller limit), so alone it is the only one.
 */
@ApplicationScoped
class OutboxFailures {

    private static final Logger LOG = Logger.getLogger(OutboxFailures.class);
    /** Longest error text kept in the row: the column's size. */
    static final int ERROR_LIMIT = 2000;

    @Inject
    OutboxConfig config;

    @Inject
    EntityManager entityManager;

    @Inject
    RelayStats stats;

    void record(OutboxEvent row, Exception failure, boolean othersGotThrough) {
        Instant now = Instant.now();
        ParkingRule.Verdict verdict = new ParkingRule(config.parkAfterAttempts(), config.parkAfter())
                .afterFailure(row.attempts, row.firstFailedAt, failure, othersGotThrough, now);
        String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        entityManager.createQuery("update OutboxEvent set attempts = :attempts, lastError = :error, firstFailedAt = :first,"
                + " parkedAt = :parked where id = :id")
                .setParameter("attempts", verdict.attempts())
                .setParameter("error", error.length() > ERROR_LIMIT ? error.substring(0, ERROR_LIMIT) : error)
                .setParameter("first", verdict.failingAloneSince())
                .setParameter("parked", verdict.park() ? now : null)
                .setParameter("id", row.id)
                .executeUpdate();
        if (verdict.park()) {
            stats.parkedOne();
            LOG.errorf("Outbox event %s (%s on %s, key %s) parked after %d attempts: %s. Later events of its key go ahead;"
                    + " release it with POST /admin/outbox/parked/%s/release after the fix.", row.id, row.type, row.topic,
                    row.key,
                    verdict.attempts(), error, row.id);
        }
    }
}
