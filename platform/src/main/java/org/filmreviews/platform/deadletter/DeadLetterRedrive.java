package org.filmreviews.platform.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.filmreviews.platform.consumer.ConsumersConfig;
import org.filmreviews.platform.consumer.EventConsumer;
import org.filmreviews.platform.consumer.EventProcessor;
import org.filmreviews.platform.kafka.BrokerConnection;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;

/**
 * Puts dead letters back after a fix. The re-drive reads each dead-letter topic with a consumer group
 * of its own ({@code <service>.dead-letters}): its committed offset is where the next re-drive starts,
 * so the letters after it are the ones still waiting. Each letter goes through the same
 * {@link EventProcessor} as a live record, into this service only; the inbox drops an event applied
 * before, so a letter re-driven twice still takes effect once. A letter that fails again is appended
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
    EventProcessor processor;

    @Inject
    ConsumersConfig config;

    @Inject
    @Any
    Instance<EventConsumer<?>> consumers;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    MeterRegistry registry;

    private final AtomicBoolean running = new AtomicBoolean();
    private final Map<String, Long> waiting = new ConcurrentHashMap<>();
    private volatile Instant countedAt;

    void registerGauges(@Observes StartupEvent startup) {
        for (String topic : topics()) {
            Gauge.builder("filmreviews.dead.letters.waiting", waiting, w -> w.getOrDefault(topic, 0L))
                    .tag("topic", topic).description("Dead letters not re-driven yet").register(registry);
        }
    }

    /** The dead-letter topics of this service, one per input. */
    public List<String> topics() {
        return consumers.stream().map(c -> deadLetters.topicFor(c.topic())).sorted().toList();
    }

    public boolean knows(String deadLetterTopic) {
        return consumerFor(deadLetterTopic).isPresent();
    }

    /** Waiting letters per dead-letter topic as last counted (every half minute), and when. */
    public Map<String, Long> lastCount() {
        return new java.util.TreeMap<>(waiting);
    }

    public Optional<Instant> countedAt() {
        return Optional.ofNullable(countedAt);
    }

    @Scheduled(every = "${filmreviews.dead-letters.count-every:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduledCount() {
        try {
            count();
        } catch (RuntimeException e) {
            LOG.debugf("Could not count dead letters: %s", e.getMessage());
        }
    }

    /** Counts the waiting letters of every dead-letter topic now. */
    public Map<String, Long> count() {
        try (Admin admin = Admin.create(adminConfig())) {
            Map<String, Long> counted = new LinkedHashMap<>();
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<String> topics = topics().stream().filter(existing::contains).toList();
            if (!topics.isEmpty()) {
                Map<TopicPartition, Long> end = offsets(admin, topics, OffsetSpec.latest());
                Map<TopicPartition, Long> start = offsets(admin, topics, OffsetSpec.earliest());
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group())
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                end.forEach((partition, last) -> {
                    OffsetAndMetadata done = committed.get(partition);
                    long from = Math.max(start.getOrDefault(partition, 0L), done == null ? 0 : done.offset());
                    counted.merge(partition.topic(), Math.max(0, last - from), Long::sum);
                });
            }
            topics().forEach(topic -> counted.putIfAbsent(topic, 0L));
            waiting.putAll(counted);
            countedAt = Instant.now();
            return counted;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.apache.kafka.common.KafkaException("Interrupted while counting dead letters", e);
        } catch (Exception e) {
            throw new org.apache.kafka.common.KafkaException("Cannot count dead letters: " + e.getMessage(), e);
        }
    }

    /** Up to {@code limit} of the letters a re-drive would take next, without moving anything. */
    public List<Letter> peek(String deadLetterTopic, int limit) {
        List<Letter> letters = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(consumerConfig())) {
            Map<TopicPartition, Long> end = assignFromCommitted(reader, deadLetterTopic);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (letters.size() < limit && !done(reader, end) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(300))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition())) && letters.size() < limit) {
                        letters.add(letterOf(record));
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
            redriving:
            while (!done(reader, end)) {
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
                        EventProcessor.Outcome outcome = processor.process(original(letter), consumer, deadline);
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
        LOG.infof("Re-drove %s: %d examined, %d applied, %d dead-lettered again, %d waiting%s", deadLetterTopic, examined, applied,
                again, left, stopped == null ? "" : " (stopped: " + stopped + ")");
        return Optional.of(new Result(deadLetterTopic, examined, applied, again, left, stopped));
    }

    private Optional<EventConsumer<?>> consumerFor(String deadLetterTopic) {
        return consumers.stream().filter(c -> deadLetters.topicFor(c.topic()).equals(deadLetterTopic)).findFirst()
                .map(c -> (EventConsumer<?>) c);
    }

    /** Assigns every partition at the group's committed offset; returns the end offsets as of now. */
    private Map<TopicPartition, Long> assignFromCommitted(KafkaConsumer<String, byte[]> reader, String topic) {
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

    /** The record as the input delivered it: original topic, position, key, value and headers. */
    private static ConsumerRecord<String, byte[]> original(ConsumerRecord<String, byte[]> letter) {
        RecordHeaders headers = new RecordHeaders();
        int redrives = 0;
        for (Header header : letter.headers()) {
            if (header.key().equals(DeadLetters.REDRIVES)) {
                redrives = Integer.parseInt(DeadLetters.text(header));
            } else if (!header.key().startsWith("dead-letter-")) {
                headers.add(header);
            }
        }
        headers.add(DeadLetters.REDRIVES, Integer.toString(redrives + 1).getBytes(StandardCharsets.UTF_8));
        String topic = DeadLetters.text(letter.headers().lastHeader(DeadLetters.TOPIC));
        String partition = DeadLetters.text(letter.headers().lastHeader(DeadLetters.PARTITION));
        String offset = DeadLetters.text(letter.headers().lastHeader(DeadLetters.OFFSET));
        return new ConsumerRecord<>(topic, partition == null ? 0 : Integer.parseInt(partition),
                offset == null ? -1 : Long.parseLong(offset), letter.timestamp(), TimestampType.CREATE_TIME, -1, -1, letter.key(),
                letter.value(), headers, Optional.empty());
    }

    private static Letter letterOf(ConsumerRecord<String, byte[]> record) {
        java.util.function.Function<String, String> h = name -> DeadLetters.text(record.headers().lastHeader(name));
        return new Letter(record.partition(), record.offset(), h.apply("ce_id"), h.apply("ce_type"), h.apply(DeadLetters.REASON),
                h.apply(DeadLetters.CAUSE), h.apply(DeadLetters.TOPIC), h.apply(DeadLetters.PARTITION) + "@" + h.apply(DeadLetters.OFFSET),
                h.apply(DeadLetters.TIME), h.apply(DeadLetters.REDRIVES));
    }

    private String group() {
        return deadLetters.service() + ".dead-letters";
    }

    private Map<TopicPartition, Long> offsets(Admin admin, Collection<String> topics, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).forEach((name, description) ->
                description.partitions().forEach(p -> request.put(new TopicPartition(name, p.partition()), spec)));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = admin.listOffsets(request).all().get(10, TimeUnit.SECONDS);
        return result.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private Map<String, Object> adminConfig() {
        Map<String, Object> props = BrokerConnection.settings(kafkaConfig);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        return props;
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> props = BrokerConnection.settings(kafkaConfig);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, group());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }
}
