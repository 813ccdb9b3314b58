package org.filmreviews.devinfra.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.filmreviews.events.CloudEventHeaders;
import org.filmreviews.events.EventCodec;
import org.filmreviews.events.EventType;

/** Writes and reads records on a real broker the way another team's service would. */
public final class EventTestClient implements AutoCloseable {

    private final String bootstrapServers;
    private final KafkaProducer<String, byte[]> producer;

    public EventTestClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers, "acks", "all"),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Publishes a payload as a CloudEvent with a fresh id; returns the id. */
    public String publish(Object payload, String key, String subject) {
        String id = UUID.randomUUID().toString();
        publish(id, payload, key, subject);
        return id;
    }

    /** Publishes a payload as a CloudEvent with the given id (to simulate redelivery). */
    public void publish(String ceId, Object payload, String key, String subject) {
        EventType type = EventType.of(payload.getClass());
        send(type.topic(), key, Map.of(
                CloudEventHeaders.ID, ceId,
                CloudEventHeaders.TYPE, type.ceType(),
                CloudEventHeaders.SOURCE, type.source(), // as its owning service would: consumers refuse any other
                CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0,
                CloudEventHeaders.TIME, Instant.now().toString(),
                CloudEventHeaders.SUBJECT, subject,
                CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON), EventCodec.encode(payload));
    }

    /**
     * Publishes payloads as CloudEvents in one burst, as a busy producer does: every record is handed to the
     * producer before any is waited for, so they reach the broker together. Returns the event ids in order.
     */
    public List<String> publishAll(List<?> payloads, Function<Object, String> key,
            Function<Object, String> subject) {
        List<String> ids = new ArrayList<>();
        List<Future<?>> sent = new ArrayList<>();
        for (Object payload : payloads) {
            String id = UUID.randomUUID().toString();
            EventType type = EventType.of(payload.getClass());
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic(), key.apply(payload),
                    EventCodec.encode(payload));
            Map.of(CloudEventHeaders.ID, id,
                    CloudEventHeaders.TYPE, type.ceType(),
                    CloudEventHeaders.SOURCE, type.source(),
                    CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0,
                    CloudEventHeaders.TIME, Instant.now().toString(),
                    CloudEventHeaders.SUBJECT, subject.apply(payload),
                    CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON)
                    .forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
            sent.add(producer.send(record));
            ids.add(id);
        }
        try {
            for (Future<?> each : sent) {
                each.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not send the burst", e);
        }
        return ids;
    }

    public void send(String topic, String key, Map<String, String> headers, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + topic, e);
        }
    }

    /**
     * Reads a topic from the beginning until {@code done} holds for what was read, or the time is up;
     * returns everything read.
     */
    public List<ConsumerRecord<String, byte[]>> read(String topic, Duration timeout,
            Predicate<List<ConsumerRecord<String, byte[]>>> done) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", bootstrapServers,
                "group.id", "test-reader-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest",
                "enable.auto.commit", "false"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && !done.test(records)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static String value(ConsumerRecord<?, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
