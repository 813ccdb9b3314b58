package org.filmreviews.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.filmreviews.events.CloudEventHeaders;
import org.filmreviews.platform.kafka.BrokerConnection;
import org.filmreviews.platform.tracing.EventTracing;

import io.smallrye.common.annotation.Identifier;

/**
 * The relay's two producers and the records they send: an outbox row as a CloudEvent in binary mode, under a
 * producer span that continues the trace the row was written in.
 * <p>
 * Both producers are idempotent with {@code acks=all}. The batching one sends rows that never failed; the
 * isolating one sends each record in a batch of its own, for rows that failed before, so that one the broker
 * refuses cannot take others down with it. The two keep no order between them, which {@link RoundOrder} minds.
 */
@ApplicationScoped
class OutboxSender {

    @Inject
    OutboxConfig config;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    EventTracing tracing;

    private Producer<String, byte[]> batching;
    private Producer<String, byte[]> isolating;

    void open() {
        batching = new KafkaProducer<>(producerConfig());
        Map<String, Object> alone = producerConfig();
        alone.put(ProducerConfig.CLIENT_ID_CONFIG, alone.get(ProducerConfig.CLIENT_ID_CONFIG) + "-retries");
        alone.put(ProducerConfig.BATCH_SIZE_CONFIG, 0);
        alone.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        isolating = new KafkaProducer<>(alone);
    }

    void close() {
        if (batching != null) {
            batching.close(Duration.ofSeconds(5));
        }
        if (isolating != null) {
            isolating.close(Duration.ofSeconds(5));
        }
    }

    /** Sends one row (alone when it failed before) under a producer span that ends with the broker's answer. */
    Future<RecordMetadata> send(OutboxEvent row) {
        Producer<String, byte[]> via = row.attempts > 0 ? isolating : batching;
        Map<String, String> stored = row.traceContext != null ? row.traceContext
                : row.traceparent != null ? Map.of(CloudEventHeaders.TRACEPARENT, row.traceparent) : null;
        EventTracing.Send traced = tracing.startSend(row.topic, row.key, row.id.toString(), row.type, stored);
        try {
            return via.send(record(row, traced), traced::ended);
        } catch (KafkaException e) {
            traced.ended(null, e);
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Waits until every record handed to either producer is answered (acknowledged or failed). */
    void flush() {
        batching.flush();
        isolating.flush();
    }

    private ProducerRecord<String, byte[]> record(OutboxEvent row, EventTracing.Send traced) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic, row.key,
                row.payload.getBytes(StandardCharsets.UTF_8));
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
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
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
}
