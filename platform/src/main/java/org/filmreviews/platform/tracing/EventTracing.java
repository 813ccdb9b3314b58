package org.filmreviews.platform.tracing;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.filmreviews.events.CloudEventHeaders;
import org.filmreviews.platform.kafka.HeaderText;
import org.jboss.logging.MDC;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapPropagator;

/**
 * One review's trace across the services: the context of the transaction that writes an outbox row is kept
 * in the row ({@link #capture()}), the relay sends the row under a producer span that continues it and puts
 * that span's context in the Kafka headers ({@link #startSend}), and a consumer applies the record under a
 * consumer span that continues the producer's ({@link #startProcessing}). The headers are written and read
 * by OpenTelemetry's configured propagator (W3C {@code traceparent}, {@code tracestate} and
 * {@code baggage} by default), never by hand.
 * <p>
 * Whether spans are recorded and exported is configuration (the sampler and the OTLP endpoint); the ids are
 * made and carried either way, so log lines and other teams' consumers can correlate even when nothing is
 * exported.
 */
@ApplicationScoped
public class EventTracing {

    /** The MDC keys a log line about an event carries (JSON logs show them as fields). */
    public static final String MDC_FILM_ID = "filmId";
    public static final String MDC_REVIEW_ID = "reviewId";
    public static final String MDC_EVENT_ID = "eventId";
    /** The names Quarkus gives the trace and span ids in the log context. */
    public static final String MDC_TRACE_ID = "traceId";
    public static final String MDC_SPAN_ID = "spanId";

    private final TextMapPropagator propagator;
    private final Tracer tracer;

    @Inject
    public EventTracing(OpenTelemetry openTelemetry) {
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        this.tracer = openTelemetry.getTracer("org.filmreviews.platform");
    }

    /** The current context as propagation headers, for an outbox row; null when there is nothing to carry. */
    public Map<String, String> capture() {
        Map<String, String> carrier = new LinkedHashMap<>();
        propagator.inject(Context.current(), carrier, (map, key, value) -> map.put(key, value));
        return carrier.isEmpty() ? null : carrier;
    }

    /**
     * A producer span for sending one outbox row, child of the context the row was written in. End it with
     * {@link Send#ended} when the broker answers.
     *
     * @param stored the row's propagation headers (null for a row written without a context)
     */
    public Send startSend(String topic, String key, String eventId, String eventType, Map<String, String> stored) {
        Context parent = stored == null ? Context.root() : propagator.extract(Context.root(), stored, MapGetter.INSTANCE);
        Span span = tracer.spanBuilder("send " + topic)
                .setParent(parent)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.kafka.message.key", key)
                .setAttribute("messaging.message.id", eventId)
                .setAttribute("cloudevents.event_id", eventId)
                .setAttribute("cloudevents.event_type", eventType)
                .startSpan();
        return new Send(span, parent.with(span));
    }

    /** Puts the propagation headers of {@code context} on a record, replacing any it had. */
    public void inject(Context context, Headers headers) {
        propagator.inject(context, headers, (target, key, value) -> {
            target.remove(key);
            target.add(key, value.getBytes(StandardCharsets.UTF_8));
        });
    }

    /**
     * A consumer span for applying one record, child of the producer span whose context the record carries
     * (a new trace for a record without one). {@link Processing#open()} makes it current and names the event
     * in the log context while the record is applied.
     */
    public Processing startProcessing(ConsumerRecord<String, byte[]> record) {
        Context parent = propagator.extract(Context.root(), record.headers(), HeadersGetter.INSTANCE);
        String eventId = header(record.headers(), CloudEventHeaders.ID);
        Span span = tracer.spanBuilder("process " + record.topic())
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.destination.partition.id", Integer.toString(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .setAttribute("messaging.kafka.message.key", record.key() == null ? "" : record.key())
                .setAttribute("messaging.message.id", eventId == null ? "" : eventId)
                .setAttribute("cloudevents.event_type", String.valueOf(header(record.headers(), CloudEventHeaders.TYPE)))
                .startSpan();
        return new Processing(span, parent.with(span), record.key(), reviewIdOf(record), eventId);
    }

    /** Review events name their review in {@code ce_subject}; film events name the film, already the key. */
    private static String reviewIdOf(ConsumerRecord<String, byte[]> record) {
        String subject = header(record.headers(), CloudEventHeaders.SUBJECT);
        return subject == null || subject.equals(record.key()) ? null : subject;
    }

    private static String header(Headers headers, String name) {
        return HeaderText.of(headers, name);
    }

    /** The span of one send. */
    public record Send(Span span, Context context) {

        /** The broker's answer: the record's partition and offset, or the failure. */
        public void ended(RecordMetadata metadata, Exception failure) {
            if (failure != null) {
                span.recordException(failure);
                span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
            } else if (metadata != null) {
                span.setAttribute("messaging.destination.partition.id", Integer.toString(metadata.partition()));
                span.setAttribute("messaging.kafka.offset", metadata.offset());
            }
            span.end();
        }
    }

    /** The span of one record being applied, and the log context that names its event. */
    public record Processing(Span span, Context context, String filmId, String reviewId, String eventId) {

        /** Makes the span current and puts the event's ids in the log context, until closed. */
        public Scope open() {
            Scope current = context.makeCurrent();
            // Quarkus fills traceId and spanId only on Vert.x threads; a consumer's worker thread may not be one.
            MDC.put(MDC_TRACE_ID, span.getSpanContext().getTraceId());
            MDC.put(MDC_SPAN_ID, span.getSpanContext().getSpanId());
            putOrRemove(MDC_FILM_ID, filmId);
            putOrRemove(MDC_REVIEW_ID, reviewId);
            putOrRemove(MDC_EVENT_ID, eventId);
            return () -> {
                for (String key : List.of(MDC_TRACE_ID, MDC_SPAN_ID, MDC_FILM_ID, MDC_REVIEW_ID, MDC_EVENT_ID)) {
                    MDC.remove(key);
                }
                current.close();
            };
        }

        /** Applied, or found applied before. */
        public void applied() {
            span.end();
        }

        /** Could not be applied as part of a batch: it is applied again on its own, under a span of its own. */
        public void retriedAlone(Throwable why) {
            span.addEvent("batch not applied whole; the record is applied again on its own");
            if (why != null) {
                span.setAttribute("filmreviews.batch.failure", why.getClass().getSimpleName());
            }
            span.end();
        }

        /** Written to the dead-letter topic: the trace shows where the event ended. */
        public void deadLettered() {
            span.setStatus(StatusCode.ERROR, "dead-lettered");
            span.end();
        }

        /** Left unapplied for a later delivery (the service stopping, a re-drive's deadline). */
        public void failed(Throwable why) {
            span.recordException(why);
            span.setStatus(StatusCode.ERROR, why.getClass().getSimpleName());
            span.end();
        }

        private static void putOrRemove(String key, String value) {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        }
    }

    private enum MapGetter implements io.opentelemetry.context.propagation.TextMapGetter<Map<String, String>> {
        INSTANCE;

        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    }

    private enum HeadersGetter implements io.opentelemetry.context.propagation.TextMapGetter<Headers> {
        INSTANCE;

        @Override
        public Iterable<String> keys(Headers carrier) {
            java.util.List<String> keys = new java.util.ArrayList<>();
            carrier.forEach(header -> keys.add(header.key()));
            return keys;
        }

        @Override
        public String get(Headers carrier, String key) {
            return carrier == null ? null : header(carrier, key);
        }
    }
}
