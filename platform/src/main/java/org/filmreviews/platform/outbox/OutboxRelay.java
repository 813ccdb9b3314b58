package org.filmreviews.platform.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.filmreviews.events.CloudEventHeaders;
import org.filmreviews.platform.kafka.BrokerConnection;
import org.filmreviews.platform.tracing.EventTracing;
import org.jboss.logging.Logger;
import org.filmreviews.platform.persistence.SqlInstants;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Publishes outbox rows to Kafka in the order they were written, then marks them sent.
 * <p>
 * One relay at a time holds a PostgreSQL advisory lock for the length of a batch, so several
 * instances of a service never interleave their sends. The producer is idempotent with
 * {@code acks=all}; a row is marked sent only after the broker acknowledged it, so a crash or an
 * outage leads to a resend (which consumers drop by {@code ce_id}), never to a loss. When a send fails,
 * later rows with the same key wait behind it, so a film's events keep their order; a row that keeps
 * failing on its own is parked so that it stops nobody else (see {@link #relayOnce()}).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** "outbox" in ASCII: the advisory lock only relays of the same database compete for. */
    private static final long LOCK_KEY = 0x6f7574626f78L;

    @Inject
    OutboxConfig config;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    EntityManager entityManager;

    @Inject
    MeterRegistry registry;

    @Inject
    EventTracing tracing;

    private final Semaphore wakeUp = new Semaphore(0);
    private final AtomicLong unsent = new AtomicLong();
    private final AtomicLong oldestUnsentMillis = new AtomicLong();
    private final AtomicLong parkedCount = new AtomicLong();
    private volatile Instant statsTakenAt = Instant.EPOCH;
    private volatile boolean running;
    private Thread worker;
    private Producer<String, byte[]> producer;
    /** Sends each record in a batch of its own: for rows that failed before, so that one cannot take others down with it. */
    private Producer<String, byte[]> isolating;
    private Counter published;
    private Counter failures;

    void start(@Observes StartupEvent startup) {
        Gauge.builder("filmreviews.outbox.lag", unsent, AtomicLong::get)
                .description("Outbox events not yet acknowledged by Kafka").register(registry);
        Gauge.builder("filmreviews.outbox.oldest.age.seconds", this, r -> r.oldestUnsentAge().toMillis() / 1000.0)
                .description("Age of the oldest unsent outbox event").register(registry);
        Gauge.builder("filmreviews.outbox.parked", parkedCount, AtomicLong::get)
                .description("Outbox events parked after failing again and again; see GET /admin/outbox/parked").register(registry);
        published = Counter.builder("filmreviews.outbox.published").description("Outbox events published").register(registry);
        failures = Counter.builder("filmreviews.outbox.send.failures").description("Failed outbox sends").register(registry);
        if (!config.relayEnabled()) {
            LOG.info("Outbox relay disabled by configuration");
            return;
        }
        producer = new KafkaProducer<>(producerConfig());
        Map<String, Object> alone = producerConfig();
        alone.put(ProducerConfig.CLIENT_ID_CONFIG, alone.get(ProducerConfig.CLIENT_ID_CONFIG) + "-retries");
        alone.put(ProducerConfig.BATCH_SIZE_CONFIG, 0);
        alone.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        isolating = new KafkaProducer<>(alone);
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
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        if (isolating != null) {
            isolating.close(Duration.ofSeconds(5));
        }
    }

    void onAppended(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxAppended appended) {
        wakeUp.release();
    }

    /** Rows parked after failing again and again, as last counted by the relay. */
    public long parked() {
        return parkedCount.get();
    }

    /** Rows waiting for the broker, as last counted by the relay. */
    public long unsent() {
        return unsent.get();
    }

    public Duration oldestUnsentAge() {
        long oldest = oldestUnsentMillis.get();
        return oldest == 0 ? Duration.ZERO : Duration.ofMillis(Math.max(0, System.currentTimeMillis() - oldest));
    }

    public boolean enabled() {
        return config.relayEnabled();
    }

    private void run() {
        long backoffMillis = 0;
        while (running) {
            try {
                Batch batch = relayOnce();
                refreshStats(batch.sent() > 0);
                if (batch.failure() != null && batch.sent() == 0) {
                    // nothing got through: the broker is away (a row that fails alone does not slow the others)
                    backoffMillis = Math.min(Math.max(100, backoffMillis * 2), config.maxBackoff().toMillis());
                    LOG.warnf("Outbox: %d sent, then the broker refused (%s); retrying in %d ms",
                            batch.sent(), batch.failure().getMessage(), backoffMillis);
                    pause(backoffMillis);
                } else {
                    backoffMillis = 0;
                    if (batch.read() < config.batchSize()) {
                        wakeUp.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                        wakeUp.drainPermits();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                backoffMillis = Math.min(Math.max(100, backoffMillis * 2), config.maxBackoff().toMillis());
                LOG.warnf(e, "Outbox relay round failed; retrying in %d ms", backoffMillis);
                pause(backoffMillis);
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
     * flowing. A row that keeps failing while others get through is parked (see {@link #recordFailure});
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
            List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
            Set<String> waitingKeys = new HashSet<>();
            Set<String> topicsWithoutMetadata = new HashSet<>();
            for (OutboxEvent row : rows) {
                if (waitingKeys.contains(row.key) || topicsWithoutMetadata.contains(row.topic)) {
                    waitingKeys.add(row.key);
                    sends.add(null); // behind a failed row of its key, or for a topic the broker does not know now
                    continue;
                }
                boolean failedBefore = row.attempts > 0;
                Future<RecordMetadata> send = send(failedBefore ? isolating : producer, row);
                sends.add(send);
                if (failedBefore) {
                    // Two producers keep no order between them: the key's later rows go in the next round, after this one.
                    waitingKeys.add(row.key);
                }
                if (send.isDone() && failed(send)) {
                    waitingKeys.add(row.key);
                    if (causeOf(send) instanceof org.apache.kafka.common.errors.TimeoutException) {
                        topicsWithoutMetadata.add(row.topic);
                        if (topicsWithoutMetadata.size() > 1) {
                            break; // no metadata for two topics: the broker is away, the rest would wait as long
                        }
                    }
                }
            }
            producer.flush();
            isolating.flush();

            List<Long> acknowledged = new ArrayList<>();
            Map<OutboxEvent, Exception> failed = new java.util.LinkedHashMap<>();
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
            published.increment(acknowledged.size());
            Exception failure = null;
            for (Map.Entry<OutboxEvent, Exception> entry : failed.entrySet()) {
                failure = entry.getValue();
                recordFailure(entry.getKey(), entry.getValue(), !acknowledged.isEmpty());
            }
            failures.increment(failed.size());
            return new Batch(rows.size(), acknowledged.size(), failure);
        });
    }

    /** Sends one row under a producer span that continues the trace it was written in and ends with the broker's answer. */
    private Future<RecordMetadata> send(Producer<String, byte[]> via, OutboxEvent row) {
        Map<String, String> stored = row.traceContext != null ? row.traceContext
                : row.traceparent != null ? Map.of(CloudEventHeaders.TRACEPARENT, row.traceparent) : null;
        EventTracing.Send traced = tracing.startSend(row.topic, row.key, row.id.toString(), row.type, stored);
        try {
            return via.send(record(row, traced), traced::ended);
        } catch (org.apache.kafka.common.KafkaException e) {
            traced.ended(null, e);
            return java.util.concurrent.CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Whether a failed send says something about the record itself (too large, a topic it may not write), as
     * opposed to the way to the broker: a retriable error (the broker away, no leader), or credentials the
     * broker refuses (a wrong or rotated SASL password, an expired client certificate). Those hold for every
     * row alike, so no row is parked for them: the rows wait, in order, until the connection is fixed.
     */
    static boolean isAboutTheRecord(Exception failure) {
        return !(failure instanceof org.apache.kafka.common.errors.RetriableException
                || failure instanceof org.apache.kafka.common.errors.AuthenticationException);
    }

    /**
     * Counts a failed attempt of a row, and parks the row when it keeps failing on its own: after
     * {@code park-after-attempts} refusals that name the record itself (too large, a topic it may not
     * write), or after that many attempts over at least {@code park-after} of failing while other rows
     * were acknowledged (a deleted topic, a partition that stays away). While nothing gets through the
     * broker is away, and no row is parked for it.
     * <p>
     * A row that failed once is sent in a batch of its own from then on (the {@code isolating} producer):
     * a record the broker refuses fails every record batched with it (the producer splits the batch by
     * its own batch size, which cannot go below a topic's smaller limit), so alone it is the only one.
     */
    private void recordFailure(OutboxEvent row, Exception failure, boolean othersGotThrough) {
        boolean aboutThisRecord = isAboutTheRecord(failure);
        Instant now = Instant.now();
        Instant failingAlone = row.firstFailedAt != null ? row.firstFailedAt : aboutThisRecord || othersGotThrough ? now : null;
        int attempts = row.attempts + 1;
        boolean park = attempts >= config.parkAfterAttempts() && (aboutThisRecord
                || othersGotThrough && failingAlone != null && Duration.between(failingAlone, now).compareTo(config.parkAfter()) >= 0);
        String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        entityManager.createQuery("update OutboxEvent set attempts = :attempts, lastError = :error, firstFailedAt = :first,"
                + " parkedAt = :parked where id = :id")
                .setParameter("attempts", attempts)
                .setParameter("error", error.length() > 2000 ? error.substring(0, 2000) : error)
                .setParameter("first", failingAlone)
                .setParameter("parked", park ? now : null)
                .setParameter("id", row.id)
                .executeUpdate();
        if (park) {
            parkedCount.incrementAndGet();
            LOG.errorf("Outbox event %s (%s on %s, key %s) parked after %d attempts: %s. Later events of its key go ahead;"
                    + " release it with POST /admin/outbox/parked/%s/release after the fix.", row.id, row.type, row.topic, row.key,
                    attempts, error, row.id);
        }
    }

    /**
     * Marks rows sent by runs of consecutive sequence numbers: one short statement per run instead of
     * a list of thousands of ids (which cost more than the sends themselves). A run covers only numbers
     * that were all read in this batch, so a row committed late into a gap is never marked by mistake.
     */
    private void markSent(List<Long> acknowledged) {
        Instant now = Instant.now();
        int start = 0;
        for (int i = 1; i <= acknowledged.size(); i++) {
            if (i == acknowledged.size() || acknowledged.get(i) != acknowledged.get(i - 1) + 1) {
                entityManager.createQuery("update OutboxEvent set sentAt = :now where seq between :first and :last")
                        .setParameter("now", now)
                        .setParameter("first", acknowledged.get(start))
                        .setParameter("last", acknowledged.get(i - 1))
                        .executeUpdate();
                start = i;
            }
        }
    }

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

    private static boolean failed(Future<RecordMetadata> send) {
        try {
            send.get();
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private ProducerRecord<String, byte[]> record(OutboxEvent row, EventTracing.Send traced) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic, row.key,
                row.payload.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Headers headers = record.headers();
        header(headers, CloudEventHeaders.ID, row.id.toString());
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(headers, CloudEventHeaders.TYPE, row.type);
        header(headers, CloudEventHeaders.SOURCE, config.source());
        header(headers, CloudEventHeaders.TIME, row.createdAt.toString());
        header(headers, CloudEventHeaders.SUBJECT, row.subject);
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        // traceparent (and tracestate, baggage) of the producer span, so that consumers continue this trace
        tracing.inject(traced.context(), headers);
        return record;
    }

    private static void header(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** Counting every round would cost a query per event under load; once a second is plenty. */
    private void refreshStats(boolean force) {
        Instant now = Instant.now();
        if (!force && Duration.between(statsTakenAt, now).toMillis() < 1000) {
            return;
        }
        statsTakenAt = now;
        QuarkusTransaction.requiringNew().run(() -> {
            Object[] row = (Object[]) entityManager.createNativeQuery(
                    "SELECT count(*) FILTER (WHERE parked_at IS NULL), min(created_at) FILTER (WHERE parked_at IS NULL),"
                            + " count(*) FILTER (WHERE parked_at IS NOT NULL) FROM outbox_event WHERE sent_at IS NULL")
                    .getSingleResult();
            unsent.set(((Number) row[0]).longValue());
            oldestUnsentMillis.set(row[1] == null ? 0 : SqlInstants.of(row[1]).toEpochMilli());
            parkedCount.set(((Number) row[2]).longValue());
        });
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> props = BrokerConnection.settings(kafkaConfig);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, config.source().replace("/", "") + "-outbox");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        // Bounded waits: a batch must end (sent or failed) well inside its 120 s transaction.
        // A topic the broker does not know holds a round this long; the broker being away, too.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        props.putAll(config.producer());
        return props;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
