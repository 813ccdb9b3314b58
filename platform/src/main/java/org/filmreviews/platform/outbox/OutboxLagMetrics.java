package org.filmreviews.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.filmreviews.platform.config.ServiceName;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * The outbox's lag as two gauges, tagged with the service: {@code filmreviews_outbox_unsent_rows} (events written but
 * not yet acknowledged by Kafka) and {@code filmreviews_outbox_unsent_oldest_age_seconds} (how long the oldest of them
 * has waited, 0 when none waits). Parked rows are not in them: {@code filmreviews_outbox_parked} counts those.
 * <p>
 * They are read from the table by the scheduler, not kept by the relay: the relay's own gauges
 * ({@code filmreviews_outbox_lag}, {@code filmreviews_outbox_oldest_age_seconds}) are refreshed by the relay's loop,
 * so they stand still when that loop does (stuck in a send, switched off, dead), which is when an alert matters most.
 * Here a relay that sends nothing shows as an age that keeps growing. One query at most every
 * {@code filmreviews.metrics.outbox-lag-every} (5 s), however often the metrics are scraped, and both halves of it are
 * answered from the partial index {@code outbox_event_unsent} ({@code seq} where {@code sent_at} and
 * {@code parked_at} are null): the count reads only the waiting rows' index entries, the oldest is the first entry in
 * {@code seq} order. (Rows get their {@code seq} as they are inserted, so the first is the oldest but for rows written
 * within the same moment.) The age is worked out when it is read, so it grows between two queries; while the query
 * fails (the database away) both gauges are NaN, which no alert threshold matches and a dashboard shows as a gap.
 */
@ApplicationScoped
public class OutboxLagMetrics {

    private static final Logger LOG = Logger.getLogger(OutboxLagMetrics.class);

    static final String UNSENT = "filmreviews.outbox.unsent.rows";
    static final String OLDEST_AGE = "filmreviews.outbox.unsent.oldest.age";

    /** The count and the oldest row's time, both answered from the partial index of unsent rows (see the class). */
    public static final String QUERY = OutboxBacklog.LAG;

    /** What the last query found; {@code null} while none succeeded (or the last one failed). */
    private record Reading(long unsent, Instant oldest) {
    }

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry registry;

    @Inject
    ServiceName service;

    private volatile Reading last;

    void register(@Observes StartupEvent startup) {
        Gauge.builder(UNSENT, this, OutboxLagMetrics::unsent).strongReference(true).tag("service", service.name())
                .description("Outbox events not yet acknowledged by Kafka (parked ones not counted), from the table")
                .register(registry);
        Gauge.builder(OLDEST_AGE, this, OutboxLagMetrics::oldestAgeSeconds).strongReference(true).tag("service", service.name())
                .baseUnit("seconds").description("How long the oldest unsent outbox event has waited; 0 when none waits")
                .register(registry);
    }

    @Scheduled(every = "${filmreviews.metrics.outbox-lag-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduledRead() {
        try {
            read();
        } catch (SQLException | RuntimeException e) {
            last = null;
            LOG.debugf("Could not read the outbox lag: %s", e.getMessage());
        }
    }

    /** Queries the table now (autocommit, a 3 s limit) and keeps what it found for the gauges. */
    void read() throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(QUERY)) {
            query.setQueryTimeout(3);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                OffsetDateTime oldest = row.getObject(2, OffsetDateTime.class);
                last = new Reading(row.getLong(1), oldest == null ? null : oldest.toInstant());
            }
        }
    }

    /** Rows waiting to be sent, as last read; NaN while the table could not be read. */
    double unsent() {
        Reading reading = last;
        return reading == null ? Double.NaN : reading.unsent();
    }

    /** Seconds the oldest waiting row has waited until now; 0 when none waits, NaN while the table could not be read. */
    double oldestAgeSeconds() {
        Reading reading = last;
        if (reading == null) {
            return Double.NaN;
        }
        return reading.oldest() == null ? 0
                : Math.max(0, System.currentTimeMillis() - reading.oldest().toEpochMilli()) / 1000.0;
    }
}
