package org.filmreviews.platform.kafka;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.filmreviews.events.CloudEventHeaders;
import org.filmreviews.events.EventCodec;
import org.filmreviews.events.EventType;
import org.filmreviews.events.InvalidEventException;
import org.filmreviews.platform.tracing.EventTracing;

import io.opentelemetry.context.Scope;

/**
 * A CloudEvent read from a Kafka record in binary mode: context attributes from the {@code ce_*}
 * headers, data decoded and checked against the payload's JSON Schema. Anything else is an
 * {@link InvalidEventException}, which the channel sends to its dead-letter topic.
 */
public record IncomingEvent<T>(String id, String type, String source, Instant time, String subject, String key, T payload,
        EventTracing.Processing trace) {

    /** The same event, applied under {@code trace} (its consumer span, see {@link #applying()}). */
    public IncomingEvent<T> within(EventTracing.Processing trace) {
        return new IncomingEvent<>(id, type, source, time, subject, key, payload, trace);
    }

    /**
     * Makes the event's consumer span current and names the event in the log context until closed, so that
     * what applying it writes (an outbox row, a log line) belongs to its trace; nothing for an event read
     * without one.
     */
    public Scope applying() {
        return trace == null ? Scope.noop() : trace.open();
    }

    public static <T> IncomingEvent<T> read(ConsumerRecord<String, byte[]> record, Class<T> payloadType) {
        EventType expected = EventType.of(payloadType);
        String id = header(record, CloudEventHeaders.ID);
        String type = header(record, CloudEventHeaders.TYPE);
        if (id == null || id.isBlank()) {
            throw new InvalidEventException("Record without a ce_id header at " + position(record));
        }
        if (!expected.ceType().equals(type)) {
            throw new InvalidEventException(
                    "Expected ce_type " + expected.ceType() + " but got " + type + " at " + position(record));
        }
        String source = header(record, CloudEventHeaders.SOURCE);
        if (!expected.source().equals(source)) {
            // Each type has one owner: a ReviewDecided that moderation-service did not write is not a decision.
            throw new InvalidEventException(
                    "Expected ce_source " + expected.source() + " for " + expected.ceType() + " but got "
                            + source + " at " + position(record));
        }
        if (record.value() == null) {
            throw new InvalidEventException("Record without a value at " + position(record));
        }
        T payload = EventCodec.decode(payloadType, record.value());
        return new IncomingEvent<>(id, type, source, time(record),
                header(record, CloudEventHeaders.SUBJECT), record.key(), payload, null);
    }

    private static Instant time(ConsumerRecord<String, byte[]> record) {
        String value = header(record, CloudEventHeaders.TIME);
        if (value == null) {
            return Instant.ofEpochMilli(record.timestamp());
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidEventException("Unreadable ce_time '" + value + "' at " + position(record));
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return HeaderText.of(record.headers(), name);
    }

    private static String position(ConsumerRecord<?, ?> record) {
        return record.topic() + "/" + record.partition() + "@" + record.offset();
    }
}
