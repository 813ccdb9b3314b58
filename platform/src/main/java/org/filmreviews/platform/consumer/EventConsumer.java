package org.filmreviews.platform.consumer;

import java.util.List;

import org.filmreviews.events.EventType;
import org.filmreviews.platform.kafka.IncomingEvent;

import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * One input of a service: the payload it reads from its topic and the transactional handler that
 * applies it. The Kafka channel method only hands each poll's records to {@link EventProcessor}, which
 * reads them, applies them (a batch in one transaction, or one at a time when that fails), waits out
 * transient failures and dead-letters what can never be applied; the dead-letter re-drive finds the same
 * consumer by its topic and applies the record the same way.
 */
public interface EventConsumer<T> {

    Class<T> payloadType();

    /**
     * Applies one event in its own transaction, or in the caller's when there is one (a batch), at most
     * once per event id (the inbox), and tolerating redelivery and replay. Throws
     * {@link org.filmreviews.events.InvalidEventException} for an event that breaks the contract in a way
     * the schema cannot express.
     */
    void apply(String eventId, T payload);

    /**
     * Applies several events, in their order, in one transaction: all of them or none. When it throws,
     * nothing of the batch is committed and {@link EventProcessor} applies the events one at a time with
     * {@link #apply}, which retries and dead-letters each on its own. The default opens the transaction and
     * calls {@link #apply} for each event, which joins it; a consumer whose {@code apply} starts a
     * transaction of its own overrides this.
     */
    default void applyAll(List<IncomingEvent<T>> events) {
        QuarkusTransaction.requiringNew().run(() -> events.forEach(event -> {
            try (Scope scope = event.applying()) {
                apply(event.id(), event.payload());
            }
        }));
    }

    /** The topic this consumer reads: the one its payload type travels on. */
    default String topic() {
        return EventType.of(payloadType()).topic();
    }
}
