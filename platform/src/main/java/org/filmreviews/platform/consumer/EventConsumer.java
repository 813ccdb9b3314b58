package org.filmreviews.platform.consumer;

import org.filmreviews.events.EventType;

/**
 * One input of a service: the payload it reads from its topic and the transactional handler that
 * applies it. The Kafka channel method only hands each record to {@link EventProcessor}, which reads
 * it, applies it, waits out transient failures and dead-letters what can never be applied; the
 * dead-letter re-drive finds the same consumer by its topic and applies the record the same way.
 */
public interface EventConsumer<T> {

    Class<T> payloadType();

    /**
     * Applies one event in its own transaction, at most once per event id (the inbox), and tolerating
     * redelivery and replay. Throws {@link org.filmreviews.events.InvalidEventException} for an event
     * that breaks the contract in a way the schema cannot express.
     */
    void apply(String eventId, T payload);

    /** The topic this consumer reads: the one its payload type travels on. */
    default String topic() {
        return EventType.of(payloadType()).topic();
    }
}
