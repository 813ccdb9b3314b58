package org.filmreviews.platform.deadletter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.filmreviews.platform.consumer.ConsumersConfig;
import org.filmreviews.platform.consumer.EventConsumer;
import org.filmreviews.platform.consumer.EventProcessor;
import org.filmreviews.platform.kafka.BrokerConnection;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Identifier;

/**
 * Puts dead letters back after a fix. The re-drive reads each dead-letter topic with a consumer group
 * of its own ({@code <service>.dead-letters}): its committed offset is where the next re-drive starts,
 * so the letters after it are the ones still waiting ({@link DeadLetterCount} counts them). Each letter goes
 * through the same {@link EventProcessor} as a live record, into this service only; the inbox drops an event
 * applied before, so a letter re-driven twice still takes effect once. A letter that fails again is appended
 * to the end of its dead-letter topic with its new reason and waits for the next fix.
 */
@ApplicationScoped
public class DeadLetterRedrive {

    private static final Logger LOG = Logger.getLogger(DeadLetterRedrive.class);

    /** What a re-drive did. */
    public record Result(String topic, int examined, int applied, int deadLetteredAgain, long waiting, String stoppedBecause) {
    }

    /** One waiting dead letter, as the admin endpoint lists it. */
    public record Letter(int partition, long offset, String eventId, String eventType, String reason, String cause,
            String input, String inputPosition, String failedAt, String redrives) {
    }

    @Inject
    DeadLetters deadLetters;

    @Inject
    DeadLetterCount counted;

    @Inject
    EventProcessor processor;

    @Inject
    ConsumersConfig config;

    @Inject
    @Any
    Instance<EventConsumer<?>> consumers;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private final AtomicBoolean running = new AtomicBoolean();

    /** The dead-letter topics of this service, one per input. */
    public List<String> topics() {
        return counted.topics();
    }

    public boolean knows(String deadLetterTopic) {
        return consumerFor(deadLetterTopic).isPresent();
    }

    /** Waiting letters per dead-letter topic as last counted (every half minute), and when. */
    public Map<String, Long> lastCount() {
        return counted.last();
    }

    public Optional<Instant> countedAt() {
        return counted.countedAt();
    }

    /** Counts the waiting letters of every dead-letter topic now. */
    public Map<String, Long> count() {
        return counted.now();
    }

    /** Up to {@code limit} of the letters a re-drive would take next, without moving anything. */
    public List<Letter> peek(String deadLetterTopic, int limit) {
        List<Letter> letters = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(consumerConfig())) {
            Map<TopicPartition, Long> end = assignFromCommitted(reader, deadLetterTopic);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (letters.size() < limit && !done(reader, end) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(300))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))
                            && letters.size() < limit) {
                        letters.add(DeadLetterRecords.letterOf(record));
                    }
                }
            }
        }
        return letters;
    }

    /**
     * Re-drives the letters waiting in one dead-letter topic now (those appended meanwhile wait for the
     * next run). Empty when a re-drive runs already.
     */
    public Optional<Result> redrive(String deadLetterTopic) {
        EventConsumer<?> consumer = consumerFor(deadLetterTopic)
                .orElseThrow(() -> new IllegalArgumentException("Not a dead-letter topic of this service: " + deadLetterTopic));
        if (!running.compareAndSet(false, true)) {
            return Optional.empty();
        }
        int examined = 0;
        int applied = 0;
        int again = 0;
        String stopped = null;
        long deadline = System.nanoTime() + config.redriveTimeout().toNanos();
        try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(consumerConfig())) {
            Map<TopicPartition, Long> end = assignFromCommitted(reader, deadLetterTopic);
            redriving : while (!done(reader, end)) {
                if (System.nanoTime() > deadline) {
                    stopped = "the re-drive took longer than " + config.redriveTimeout();
                    break;
                }
                ConsumerRecords<String, byte[]> records = reader.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, byte[]> letter : records) {
                    TopicPartition partition = new TopicPartition(letter.topic(), letter.partition());
                    if (letter.offset() >= end.get(partition)) {
                        continue;
                    }
                    try {
                        EventProcessor.Outcome outcome = processor.process(DeadLetterRecords.original(letter), consumer,
                                deadline);
                        examined++;
                        if (outcome == EventProcessor.Outcome.APPLIED) {
                            applied++;
                        } else {
                            again++;
                        }
                    } catch (EventProcessor.Interrupted waitedTooLong) {
                        stopped = waitedTooLong.getMessage() + ": " + waitedTooLong.getCause().getMessage();
                        break redriving;
                    }
                    reader.commitSync(Map.of(partition, new OffsetAndMetadata(letter.offset() + 1)));
                }
            }
        } finally {
            running.set(false);
        }
        long left;
        try {
            left = count().getOrDefault(deadLetterTopic, 0L);
        } catch (RuntimeException e) {
            left = -1;
        }
        LOG.infof("Re-drove %s: %d examined, %d applied, %d dead-lettered again, %d waiting%s", deadLetterTopic, examined,
                applied,
                again, left, stopped == null ? "" : " (stopped: " + stopped + ")");
        return Optional.of(new Result(deadLetterTopic, examined, applied, again, left, stopped));
    }

    private Optional<EventConsumer<?>> consumerFor(String deadLetterTopic) {
        return consumers.stream().filter(c -> deadLetters.topicFor(c.topic()).equals(deadLetterTopic)).findFirst()
                .map(c -> (EventConsumer<?>) c);
    }

    /** Assigns every partition at the group's committed offset; returns the end offsets as of now. */
    private static Map<TopicPartition, Long> assignFromCommitted(KafkaConsumer<String, byte[]> reader, String topic) {
        List<PartitionInfo> infos = reader.partitionsFor(topic, Duration.ofSeconds(10));
        if (infos == null || infos.isEmpty()) {
            return Map.of();
        }
        List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        reader.assign(partitions);
        Map<TopicPartition, OffsetAndMetadata> committed = reader.committed(Set.copyOf(partitions), Duration.ofSeconds(10));
        Map<TopicPartition, Long> start = reader.beginningOffsets(partitions, Duration.ofSeconds(10));
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata at = committed.get(partition);
            reader.seek(partition, Math.max(start.get(partition), at == null ? 0 : at.offset()));
        }
        return new HashMap<>(reader.endOffsets(partitions, Duration.ofSeconds(10)));
    }

    private static boolean done(KafkaConsumer<String, byte[]> reader, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> reader.position(e.getKey(), Duration.ofSeconds(10)) >= e.getValue());
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> props = BrokerConnection.settings(kafkaConfig);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, deadLetters.redriveGroup());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, deadLetters.redriveGroup());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }
}
