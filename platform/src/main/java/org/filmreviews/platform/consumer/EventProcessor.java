package org.filmreviews.platform.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.filmreviews.events.InvalidEventException;
import org.filmreviews.platform.deadletter.DeadLetters;
import org.filmreviews.platform.faults.Failures;
import org.filmreviews.platform.kafka.IncomingEvent;
import org.filmreviews.platform.tracing.EventTracing;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Reads, applies and, when it must, dead-letters the records of an input.
 * <p>
 * The records of one poll are applied in batches of {@code filmreviews.consumers.batch-size}, each in
 * one transaction ({@link EventConsumer#applyAll}); a batch that holds an unreadable record, or whose
 * transaction fails for any reason, is applied again one record at a time, as below, so a batch changes
 * how many commits there are and nothing else.
 * <p>
 * The invariant: a record's offset is committed only after its effect committed or after it was
 * written to the service's dead-letter topic. So a transient failure (the database restarting, a
 * pool timeout, a lost lock) is retried with a growing pause for as long as it lasts, holding the
 * record's place; only an event that can never be applied (unreadable, breaking its schema, of
 * another type) goes to the dead-letter topic at once, and an unexpected failure after
 * {@code filmreviews.consumers.unexpected-attempts} tries. When the service stops mid-wait the record
 * is left unacknowledged and is delivered again after the restart.
 */
@ApplicationScoped
public class EventProcessor {

    private static final Logger LOG = Logger.getLogger(EventProcessor.class);

    /** What became of a record. */
    public enum Outcome {
        /** Applied, or found in the inbox as applied before. */
        APPLIED,
        /** Written to the dead-letter topic with its reason. */
        DEAD_LETTERED
    }

    /** The wait for a transient failure ended without a verdict: the record stays where it is. */
    public static class Interrupted extends RuntimeException {
        Interrupted(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Inject
    ConsumersConfig config;

    @Inject
    DeadLetters deadLetters;

    @Inject
    ConsumerStatus status;

    @Inject
    MeterRegistry registry;

    @Inject
    EventTracing tracing;

    private final Object pauses = new Object();
    private volatile boolean stopping;

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
        synchronized (pauses) {
            pauses.notifyAll();
        }
    }

    /**
     * The records of one poll, in their order: batches in one transaction each, falling back to one record
     * at a time for a batch that cannot be applied whole.
     */
    public <T> void processAll(List<ConsumerRecord<String, byte[]>> records, EventConsumer<T> consumer) {
        int size = Math.max(1, config.batchSize());
        for (int from = 0; from < records.size(); from += size) {
            List<ConsumerRecord<String, byte[]>> batch = records.subList(from, Math.min(records.size(), from + size));
            if (batch.size() == 1 || !appliedWhole(batch, consumer)) {
                for (ConsumerRecord<String, byte[]> record : batch) {
                    process(record, consumer);
                }
            }
        }
    }

    /** The records of one poll as the Kafka connector hands them over in batch mode. */
    public <T> void processAll(ConsumerRecords<String, byte[]> records, EventConsumer<T> consumer) {
        List<ConsumerRecord<String, byte[]>> inOrder = new ArrayList<>(records.count());
        records.forEach(inOrder::add);
        processAll(inOrder, consumer);
    }

    /** One transaction for the whole batch; false (nothing committed) when a record is unreadable or anything failed. */
    private <T> boolean appliedWhole(List<ConsumerRecord<String, byte[]>> batch, EventConsumer<T> consumer) {
        List<IncomingEvent<T>> events = new ArrayList<>(batch.size());
        // One consumer span per record, each continuing its own record's trace: a batch mixes many reviews.
        List<EventTracing.Processing> spans = new ArrayList<>(batch.size());
        for (ConsumerRecord<String, byte[]> record : batch) {
            EventTracing.Processing traced = tracing.startProcessing(record);
            spans.add(traced);
            try {
                events.add(IncomingEvent.read(record, consumer.payloadType()).within(traced));
            } catch (InvalidEventException unreadable) {
                spans.forEach(span -> span.retriedAlone(null));
                return false;
            }
        }
        try {
            consumer.applyAll(events);
            spans.forEach(EventTracing.Processing::applied);
            registry.counter("filmreviews.events.batches", "topic", consumer.topic()).increment();
            return true;
        } catch (RuntimeException failure) {
            spans.forEach(span -> span.retriedAlone(failure));
            registry.counter("filmreviews.events.batches.split", "topic", consumer.topic()).increment();
            LOG.debugf("A batch of %d records of %s could not be applied whole (%s); applying them one at a time",
                    batch.size(), consumer.topic(), ConsumerStatus.describe(failure));
            return false;
        }
    }

    /** A live record: waits out transient failures for as long as they last. */
    public <T> Outcome process(ConsumerRecord<String, byte[]> record, EventConsumer<T> consumer) {
        return process(record, consumer, Long.MAX_VALUE);
    }

    /**
     * A record with a deadline (a re-driven dead letter): past {@code deadlineNanos} (of
     * {@link System#nanoTime()}) a transient failure ends the attempt with {@link Interrupted}.
     */
    public <T> Outcome process(ConsumerRecord<String, byte[]> record, EventConsumer<T> consumer, long deadlineNanos) {
        EventTracing.Processing traced = tracing.startProcessing(record);
        try (Scope scope = traced.open()) {
            Outcome outcome = processTraced(record, consumer, deadlineNanos);
            if (outcome == Outcome.APPLIED) {
                traced.applied();
            } else {
                traced.deadLettered();
            }
            return outcome;
        } catch (RuntimeException interrupted) {
            traced.failed(interrupted);
            throw interrupted;
        }
    }

    private <T> Outcome processTraced(ConsumerRecord<String, byte[]> record, EventConsumer<T> consumer, long deadlineNanos) {
        String position = record.topic() + "/" + record.partition() + "@" + record.offset();
        IncomingEvent<T> event;
        try {
            event = IncomingEvent.read(record, consumer.payloadType());
        } catch (InvalidEventException unreadable) {
            return deadLetter(record, position, unreadable, 1, deadlineNanos);
        }
        int attempt = 0;
        int unexpected = 0;
        try {
            while (true) {
                attempt++;
                try {
                    consumer.apply(event.id(), event.payload());
                    if (attempt > 1) {
                        LOG.infof("Applied %s (%s) after %d attempts", position, event.id(), attempt);
                    }
                    return Outcome.APPLIED;
                } catch (RuntimeException failure) {
                    Failures.Kind kind = Failures.classify(failure);
                    if (kind == Failures.Kind.POISON
                            || (kind == Failures.Kind.UNEXPECTED && ++unexpected >= config.unexpectedAttempts())) {
                        if (kind == Failures.Kind.UNEXPECTED) {
                            LOG.errorf(failure, "Giving up on %s (%s) after %d attempts", position, event.id(), attempt);
                        }
                        return deadLetter(record, position, failure, attempt, deadlineNanos);
                    }
                    registry.counter("filmreviews.events.retries", "topic", record.topic(), "kind", kind.name().toLowerCase())
                            .increment();
                    status.waiting(record.topic(), position, attempt, failure);
                    if (attempt == 1 || attempt % 20 == 0) {
                        LOG.warnf("Could not apply %s (%s), attempt %d, %s; it keeps its place and is tried again: %s",
                                position, event.id(), attempt, kind, ConsumerStatus.describe(failure));
                    }
                    pause(backoff(attempt), deadlineNanos, position, failure);
                }
            }
        } finally {
            status.done(record.topic(), position);
        }
    }

    /** Writes the record to the dead-letter topic, waiting out a broker that is away like any transient failure. */
    private Outcome deadLetter(ConsumerRecord<String, byte[]> record, String position, Throwable reason, int attempts,
            long deadlineNanos) {
        int attempt = 0;
        try {
            while (true) {
                attempt++;
                try {
                    deadLetters.send(record, reason, attempts);
                    LOG.warnf("Dead-lettered %s to %s: %s", position, deadLetters.topicFor(record.topic()),
                            reason.getMessage());
                    return Outcome.DEAD_LETTERED;
                } catch (RuntimeException sendFailure) {
                    status.waiting(record.topic(), position, attempt, sendFailure);
                    LOG.warnf("Could not dead-letter %s yet: %s", position, sendFailure.getMessage());
                    pause(backoff(attempt), deadlineNanos, position, sendFailure);
                }
            }
        } finally {
            status.done(record.topic(), position);
        }
    }

    private Duration backoff(int attempt) {
        long initial = Math.max(1, config.initialBackoff().toMillis());
        long millis = initial << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(millis, config.maxBackoff().toMillis()));
    }

    private void pause(Duration pause, long deadlineNanos, String position, Throwable failure) {
        long until = System.nanoTime() + pause.toNanos();
        synchronized (pauses) {
            while (true) {
                if (stopping) {
                    throw new Interrupted("Stopping before " + position + " could be applied; it will be delivered again",
                            failure);
                }
                long now = System.nanoTime();
                if (deadlineNanos != Long.MAX_VALUE && now - deadlineNanos > 0) {
                    throw new Interrupted("Gave up waiting to apply " + position, failure);
                }
                long left = until - now;
                if (left <= 0) {
                    return;
                }
                try {
                    pauses.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new Interrupted("Interrupted before " + position + " could be applied", failure);
                }
            }
        }
    }
}
