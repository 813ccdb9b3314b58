package org.filmreviews.platform.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Publishes outbox rows to Kafka in the order they were written, then marks them sent.
 * <p>
 * One relay at a time holds a PostgreSQL advisory lock for the length of a batch, so several
 * instances of a service never interleave their sends. The producer is idempotent with
 * {@code acks=all} ({@link OutboxSender}); a row is marked sent only after the broker acknowledged it, so a
 * crash or an outage leads to a resend (which consumers drop by {@code ce_id}), never to a loss. When a send
 * fails, later rows with the same key wait behind it ({@link RoundOrder}), so a film's events keep their order;
 * a row that keeps failing on its own is parked so that it stops nobody else ({@link OutboxFailures}).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** "outbox" in ASCII: the advisory lock only relays of the same database compete for. */
    private static final long LOCK_KEY = 0x6f7574626f78L;

    @Inject
    OutboxConfig config;

    @Inject
    EntityManager entityManager;

    @Inject
    OutboxSender sender;

    @Inject
    OutboxFailures failures;

    @Inject
    RelayStats stats;

    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    void start(@Observes StartupEvent startup) {
        stats.register();
        if (!config.relayEnabled()) {
            LOG.info("Outbox relay disabled by configuration");
            return;
        }
        sender.open();
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        wakeUp.release();
        if (worker != null) {
            try {
                worker.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        sender.close();
    }

    void onAppended(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxAppended appended) {
        wakeUp.release();
    }

    /** Rows parked after failing again and again, as last counted by the relay. */
    public long parked() {
        return stats.parked();
    }

    /** Rows waiting for the broker, as last counted by the relay. */
    public long unsent() {
        return stats.unsent();
    }

    public Duration oldestUnsentAge() {
        return stats.oldestUnsentAge();
    }

    public boolean enabled() {
        return config.relayEnabled();
    }

    private void run() {
        RelayBackoff backoff = new RelayBackoff(config.maxBackoff());
        while (running) {
            try {
                Batch batch = relayOnce();
                stats.refresh(batch.sent() > 0);
                if (batch.failure() != null && batch.sent() == 0) {
                    // nothing got through: the broker is away (a row that fails alone does not slow the others)
                    long pause = backoff.next();
                    LOG.warnf("Outbox: %d sent, then the broker refused (%s); retrying in %d ms",
                            batch.sent(), batch.failure().getMessage(), pause);
                    pause(pause);
                } else {
                    backoff.reset();
                    if (batch.read() < config.batchSize()) {
                        wakeUp.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                        wakeUp.drainPermits();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                long pause = backoff.next();
                LOG.warnf(e, "Outbox relay round failed; retrying in %d ms", pause);
                pause(pause);
            }
        }
    }

    private record Batch(int read, int sent, Exception failure) {
    }

    /**
     * One round: reads unsent rows in order, sends them, marks the acknowledged ones sent and records
     * the failures of the others.
     * <p>
     * Ordering: rows of one key go out in the order they were written. When a row fails, the later
     * rows of its key are not sent in that round (they wait behind it), while every other key keeps
     * flowing. A row that keeps failing while others get through is parked (see {@link ParkingRule});
     * from then on the later rows of its key go ahead, and if the parked row is released after a fix it
     * is published after them, where consumers see an older version and ignore what it no longer
     * changes. A row that failed only after later rows of its key were already in flight stays
     * behind them in the same way; those are marked sent, never sent again.
     */
    private Batch relayOnce() {
        return QuarkusTransaction.requiringNew().timeout(120).call(() -> {
            Object locked = entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(:key)")
                    .setParameter("key", LOCK_KEY).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return new Batch(0, 0, null);
            }
            // Read-only: the rows are marked sent by one bulk update, not by dirty checking hundreds of entities.
            List<OutboxEvent> rows = OutboxEvent.<OutboxEvent>find("sentAt is null and parkedAt is null order by seq")
                    .withHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true)
                    .page(0, config.batchSize()).list();
            if (rows.isEmpty()) {
                return new Batch(0, 0, null);
            }
            List<Future<RecordMetadata>> sends = sendInOrder(rows);
            sender.flush();

            List<Long> acknowledged = new ArrayList<>();
            Map<OutboxEvent, Exception> failed = new LinkedHashMap<>();
            for (int i = 0; i < sends.size(); i++) {
                Future<RecordMetadata> send = sends.get(i);
                if (send == null) {
                    continue;
                }
                try {
                    send.get();
                    acknowledged.add(rows.get(i).seq);
                } catch (ExecutionException e) {
                    failed.put(rows.get(i), (Exception) e.getCause());
                }
            }
            markSent(acknowledged);
            stats.published(acknowledged.size());
            Exception failure = null;
            for (Map.Entry<OutboxEvent, Exception> entry : failed.entrySet()) {
                failure = entry.getValue();
                failures.record(entry.getKey(), entry.getValue(), !acknowledged.isEmpty());
            }
            stats.failedSends(failed.size());
            return new Batch(rows.size(), acknowledged.size(), failure);
        });
    }

    /**
     * Hands the rows to the producers in order; one send per row, or null for a row that waits (behind a failed
     * row of its key, or for a topic the broker does not know now). Stops early when the broker is away.
     */
    private List<Future<RecordMetadata>> sendInOrder(List<OutboxEvent> rows) {
        List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
        RoundOrder order = new RoundOrder();
        for (OutboxEvent row : rows) {
            if (!order.mayGo(row.key, row.topic)) {
                sends.add(null);
                continue;
            }
            Future<RecordMetadata> send = sender.send(row);
            sends.add(send);
            if (row.attempts > 0) {
                // Two producers keep no order between them: the key's later rows go in the next round, after this one.
                order.holdBehind(row.key);
            }
            if (send.isDone()) {
                Throwable cause = causeOf(send);
                if (cause != null) {
                    order.holdBehind(row.key);
                    if (cause instanceof org.apache.kafka.common.errors.TimeoutException && order.noMetadataFor(row.topic)) {
                        break; // no metadata for two topics: the broker is away, the rest would wait as long
                    }
                }
            }
        }
        return sends;
    }

    /** Marks the acknowledged rows sent, one statement per run of consecutive sequence numbers ({@link SentRuns}). */
    private void markSent(List<Long> acknowledged) {
        Instant now = Instant.now();
        for (SentRuns.Run run : SentRuns.of(acknowledged)) {
            entityManager.createQuery("update OutboxEvent set sentAt = :now where seq between :first and :last")
                    .setParameter("now", now)
                    .setParameter("first", run.first())
                    .setParameter("last", run.last())
                    .executeUpdate();
        }
    }

    /** The failure of a send that is done; null when it succeeded. */
    private static Throwable causeOf(Future<RecordMetadata> send) {
        try {
            send.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
