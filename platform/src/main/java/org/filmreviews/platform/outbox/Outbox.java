package org.filmreviews.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.filmreviews.events.EventCodec;
import org.filmreviews.events.EventType;
import org.filmreviews.platform.tracing.EventTracing;

/**
 * Where services put the events they publish. The row commits or rolls back with the caller's
 * transaction, so an event is published if and only if the change it announces happened; the
 * {@link OutboxRelay} sends it to Kafka afterwards.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    Event<OutboxAppended> appended;

    @Inject
    EventTracing tracing;

    /**
     * Adds an event to the current transaction.
     *
     * @param key the Kafka record key (the film id for every event of this system)
     * @param subject the CloudEvents subject (the review id for review events)
     * @return the event id, {@code ce_id}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(Object payload, String key, String subject) {
        EventType type = EventType.of(payload.getClass());
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.topic = type.topic();
        event.key = key;
        event.type = type.ceType();
        event.subject = subject;
        event.payload = new String(EventCodec.encode(payload), StandardCharsets.UTF_8);
        // The relay sends the row later, on its own thread: the trace it belongs to travels with it.
        event.traceContext = tracing.capture();
        event.createdAt = Instant.now();
        event.persist();
        // Delivered to the relay only after this transaction commits, to wake it without waiting a poll.
        appended.fire(new OutboxAppended(event.id));
        return event.id;
    }

    /**
     * Erasure of what the events about {@code subject} said: deletes those already sent (Kafka has them, and the
     * rows were only kept for a look back). Unsent ones stay, so that what consumers see stays in order.
     *
     * @return how many rows went
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long forgetSent(String subject) {
        return OutboxEvent.delete("subject = ?1 and sentAt is not null", subject);
    }
}
