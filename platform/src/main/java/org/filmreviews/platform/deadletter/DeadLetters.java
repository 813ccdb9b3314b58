package org.filmreviews.platform.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.filmreviews.events.Topics;
import org.filmreviews.platform.config.ServiceName;
import org.filmreviews.platform.kafka.BrokerConnection;
import org.filmreviews.platform.kafka.HeaderText;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * The service's dead-letter topics: one per input, named {@code <service>.<input topic>.dlq}, so that
 * each consuming service's failures are its own (another service reading the same topic never sees
 * them) and a re-drive puts them back into this service only. A dead letter keeps the original key,
 * value and CloudEvents headers and adds why and where it failed.
 */
@ApplicationScoped
public class DeadLetters {

    /** Header names of a dead letter, beside the original record's own headers. */
    public static final String REASON = "dead-letter-reason";
    public static final String CAUSE = "dead-letter-cause";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    public static final String SERVICE = "dead-letter-service";
    public static final String ATTEMPTS = "dead-letter-attempts";
    public static final String TIME = "dead-letter-time";
    /** How often the record was re-driven and failed again. */
    public static final String REDRIVES = "dead-letter-redrives";
    private static final String PREFIX = "dead-letter-";

    @Inject
    ServiceName serviceName;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    MeterRegistry registry;

    private volatile Producer<String, byte[]> producer;

    /** The dead-letter topic of one of this service's inputs. */
    public String topicFor(String inputTopic) {
        return Topics.deadLetter(service(), inputTopic);
    }

    public String service() {
        return serviceName.name();
    }

    /** The consumer group a re-drive reads the dead-letter topics with: its committed offsets say where the waiting letters start. */
    String redriveGroup() {
        return service() + ".dead-letters";
    }

    /**
     * Writes the record to its dead-letter topic and waits for the broker's acknowledgement.
     *
     * @throws RuntimeException when the broker did not take it; the caller keeps the record and retries
     */
    public void send(ConsumerRecord<String, byte[]> record, Throwable reason, int attempts) {
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(topicFor(record.topic()), null, record.key(),
                record.value());
        Headers headers = letter.headers();
        int redrives = 0;
        for (Header header : record.headers()) {
            if (header.key().equals(REDRIVES)) {
                redrives = Integer.parseInt(text(header));
            } else if (!header.key().startsWith(PREFIX)) {
                headers.add(header);
            }
        }
        put(headers, REASON, reasonOf(reason));
        put(headers, CAUSE, reason.getClass().getName());
        put(headers, TOPIC, record.topic());
        put(headers, PARTITION, Integer.toString(record.partition()));
        put(headers, OFFSET, Long.toString(record.offset()));
        put(headers, SERVICE, service());
        put(headers, ATTEMPTS, Integer.toString(attempts));
        put(headers, TIME, Instant.now().toString());
        if (redrives > 0) {
            put(headers, REDRIVES, Integer.toString(redrives));
        }
        try {
            producer().send(letter).get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The broker did not take the dead letter: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The broker did not acknowledge the dead letter in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while dead-lettering", e);
        }
        registry.counter("filmreviews.events.dead.lettered", "topic", record.topic()).increment();
    }

    static String text(Header header) {
        return HeaderText.of(header);
    }

    private static String reasonOf(Throwable reason) {
        String message = reason.getMessage() == null ? reason.toString() : reason.getMessage();
        return message.length() > 2000 ? message.substring(0, 2000) + "…" : message;
    }

    private static void put(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private Producer<String, byte[]> producer() {
        Producer<String, byte[]> current = producer;
        if (current == null) {
            synchronized (this) {
                current = producer;
                if (current == null) {
                    Map<String, Object> props = BrokerConnection.settings(kafkaConfig);
                    props.put(ProducerConfig.CLIENT_ID_CONFIG, service() + "-dead-letters");
                    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
                    props.put(ProducerConfig.ACKS_CONFIG, "all");
                    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
                    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
                    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
                    producer = current = new KafkaProducer<>(props);
                }
            }
        }
        return current;
    }

    void stop(@Observes ShutdownEvent shutdown) {
        Producer<String, byte[]> current = producer;
        if (current != null) {
            current.close(Duration.ofSeconds(5));
        }
    }
}
