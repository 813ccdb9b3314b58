package org.filmreviews.platform.deadletter;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.filmreviews.platform.consumer.EventConsumer;
import org.filmreviews.platform.kafka.BrokerConnection;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;

/**
 * How many dead letters wait in each of this service's dead-letter topics: counted from the broker's offsets
 * (every half minute, and after each re-drive), kept for the gauge {@code filmreviews.dead.letters.waiting} and
 * the dead-letter health check. A letter waits from the re-drive group's committed offset to the topic's end.
 */
@ApplicationScoped
class DeadLetterCount {

    private static final Logger LOG = Logger.getLogger(DeadLetterCount.class);

    @Inject
    DeadLetters deadLetters;

    @Inject
    @Any
    Instance<EventConsumer<?>> consumers;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    MeterRegistry registry;

    private final Map<String, Long> waiting = new ConcurrentHashMap<>();
    private volatile Instant countedAt;

    void registerGauges(@Observes StartupEvent startup) {
        for (String topic : topics()) {
            Gauge.builder("filmreviews.dead.letters.waiting", waiting, w -> w.getOrDefault(topic, 0L))
                    .tag("topic", topic).description("Dead letters not re-driven yet").register(registry);
        }
    }

    /** The dead-letter topics of this service, one per input. */
    List<String> topics() {
        return consumers.stream().map(c -> deadLetters.topicFor(c.topic())).sorted().toList();
    }

    /** Waiting letters per dead-letter topic as last counted. */
    Map<String, Long> last() {
        return new TreeMap<>(waiting);
    }

    Optional<Instant> countedAt() {
        return Optional.ofNullable(countedAt);
    }

    @Scheduled(every = "${filmreviews.dead-letters.count-every:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduledCount() {
        try {
            now();
        } catch (RuntimeException e) {
            LOG.debugf("Could not count dead letters: %s", e.getMessage());
        }
    }

    /** Counts the waiting letters of every dead-letter topic now (0 for a topic not created yet). */
    Map<String, Long> now() {
        try (Admin admin = Admin.create(adminConfig())) {
            Map<String, Long> counted = new LinkedHashMap<>();
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<String> topics = topics().stream().filter(existing::contains).toList();
            if (!topics.isEmpty()) {
                Map<TopicPartition, Long> end = offsets(admin, topics, OffsetSpec.latest());
                Map<TopicPartition, Long> start = offsets(admin, topics, OffsetSpec.earliest());
                Map<TopicPartition, Long> committed = new HashMap<>();
                admin.listConsumerGroupOffsets(deadLetters.redriveGroup()).partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS)
                        .forEach((partition, done) -> committed.put(partition, offsetOf(done)));
                counted.putAll(DeadLetterRecords.waiting(end, start, committed));
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

    private static long offsetOf(OffsetAndMetadata done) {
        return done == null ? 0 : done.offset();
    }

    private Map<TopicPartition, Long> offsets(Admin admin, Collection<String> topics, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).forEach((name, description) -> description
                .partitions().forEach(p -> request.put(new TopicPartition(name, p.partition()), spec)));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = admin.listOffsets(request).all().get(10,
                TimeUnit.SECONDS);
        return result.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private Map<String, Object> adminConfig() {
        Map<String, Object> props = BrokerConnection.settings(kafkaConfig);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        return props;
    }
}
