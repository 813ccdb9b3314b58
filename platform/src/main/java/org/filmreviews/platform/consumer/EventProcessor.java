package org.filmreviews.platform.consumer;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.filmreviews.events.InvalidEventException;
import org.filmreviews.platform.deadletter.DeadLetters;
import org.filmreviews.platform.faults.Failures;
import org.filmreviews.platform.kafka.IncomingEvent;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Reads, applies and, when it must, dead-letters one record of an input.
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

    private final Object pauses = new Object();
    private volatile boolean stopping;

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
        synchronized (pauses) {
            pauses.notifyAll();
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
                    LOG.warnf("Dead-lettered %s to %s: %s", position, deadLetters.topicFor(record.topic()), reason.getMessage());
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
                    throw new Interrupted("Stopping before " + position + " could be applied; it will be delivered again", failure);
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
