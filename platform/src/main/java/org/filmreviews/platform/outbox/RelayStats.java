package org.filmreviews.platform.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.filmreviews.platform.persistence.SqlInstants;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The relay's own view of the outbox, for its gauges ({@code filmreviews.outbox.lag}, {@code .oldest.age.seconds},
 * {@code .parked}) and the outbox health check, plus its counters of published events and failed sends. Counted
 * by the relay's loop (see {@link #refresh}), so these stand still when the loop does; {@link OutboxLagMetrics}
 * reads the same numbers on a schedule of its own for alerts.
 */
@ApplicationScoped
class RelayStats {

    @Inject
    EntityManager entityManager;

    @Inject
    MeterRegistry registry;

    private final AtomicLong unsent = new AtomicLong();
    private final AtomicLong oldestUnsentMillis = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private volatile Instant takenAt = Instant.EPOCH;
    private Counter published;
    private Counter failures;

    void register() {
        Gauge.builder("filmreviews.outbox.lag", unsent, AtomicLong::get)
                .description("Outbox events not yet acknowledged by Kafka").register(registry);
        Gauge.builder("filmreviews.outbox.oldest.age.seconds", this, s -> s.oldestUnsentAge().toMillis() / 1000.0)
                .description("Age of the oldest unsent outbox event").register(registry);
        Gauge.builder("filmreviews.outbox.parked", parked, AtomicLong::get)
                .description("Outbox events parked after failing again and again; see GET /admin/outbox/parked")
                .register(registry);
        published = Counter.builder("filmreviews.outbox.published").description("Outbox events published").register(registry);
        failures = Counter.builder("filmreviews.outbox.send.failures").description("Failed outbox sends").register(registry);
    }

    void published(int events) {
        published.increment(events);
    }

    void failedSends(int sends) {
        failures.increment(sends);
    }

    /** A row was parked just now: counted at once, before the next refresh. */
    void parkedOne() {
        parked.incrementAndGet();
    }

    long unsent() {
        return unsent.get();
    }

    long parked() {
        return parked.get();
    }

    Duration oldestUnsentAge() {
        long oldest = oldestUnsentMillis.get();
        return oldest == 0 ? Duration.ZERO : Duration.ofMillis(Math.max(0, System.currentTimeMillis() - oldest));
    }

    /**
     * Counts again when a second has passed since the last count, or now when {@code force} (rows just went out).
     * Counting every round would cost a query per event under load; once a second is plenty.
     */
    void refresh(boolean force) {
        Instant now = Instant.now();
        if (!force && Duration.between(takenAt, now).toMillis() < 1000) {
            return;
        }
        takenAt = now;
        QuarkusTransaction.requiringNew().run(() -> {
            Object[] row = (Object[]) entityManager.createNativeQuery(OutboxBacklog.LAG_AND_PARKED).getSingleResult();
            unsent.set(((Number) row[0]).longValue());
            oldestUnsentMillis.set(row[1] == null ? 0 : SqlInstants.of(row[1]).toEpochMilli());
            parked.set(((Number) row[2]).longValue());
        });
    }
}
