package org.filmreviews.platform.inbox;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;

import org.filmreviews.platform.persistence.CopyRows;

import io.quarkus.scheduler.Scheduled;

/**
 * Event ids a consumer has processed, recorded in the same transaction as the effect of the event.
 * Kafka delivers at least once; the inbox makes the effect happen once.
 */
@ApplicationScoped
public class Inbox {

    @Inject
    EntityManager entityManager;

    @Inject
    InboxConfig config;

    /**
     * Records that {@code consumer} processed event {@code eventId}.
     *
     * @return true the first time, false for a redelivery (whose effect is already committed)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String eventId, String consumer) {
        return entityManager.createNativeQuery(
                "INSERT INTO inbox_event (event_id, consumer, processed_at) VALUES (:id, :consumer, now()) ON CONFLICT DO NOTHING")
                .setParameter("id", eventId)
                .setParameter("consumer", consumer)
                // No entity maps inbox_event, so nothing pending needs flushing first: without this, Hibernate
                // flushes (and dirty-checks) the whole persistence context before every native statement, which
                // in a batch of a hundred events grows with the square of the batch.
                .setFlushMode(FlushModeType.COMMIT)
                .executeUpdate() == 1;
    }

    /**
     * Records in one statement that {@code consumer} processed all these events, none of which it had recorded:
     * for a consumer that rebuilds its view from the log after {@link #forget}ting it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long recordAll(String consumer, Collection<String> eventIds) {
        Instant now = Instant.now();
        return CopyRows.into(entityManager, "inbox_event", List.of("event_id", "consumer", "processed_at"), eventIds,
                (id, line) -> line.text(id).text(consumer).value(now));
    }

    /** Forgets everything a consumer processed, before it rebuilds its view from offset 0. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forget(String consumer) {
        return entityManager.createNativeQuery("DELETE FROM inbox_event WHERE consumer = :consumer")
                .setParameter("consumer", consumer).executeUpdate();
    }

    /**
     * Old ids are pruned; the aggregate versions every payload carries still stop a stale replay of
     * events older than that.
     */
    @Scheduled(every = "${filmreviews.inbox.prune-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            // A run that starts while the application stops would only fail on a closed EntityManagerFactory.
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void prune() {
        entityManager.createNativeQuery("DELETE FROM inbox_event WHERE processed_at < :before")
                .setParameter("before", Instant.now().minus(config.retention()))
                .executeUpdate();
    }
}
