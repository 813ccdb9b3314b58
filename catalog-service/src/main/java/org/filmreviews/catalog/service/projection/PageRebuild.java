package org.filmreviews.catalog.service.projection;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.filmreviews.catalog.domain.FilmRating;
import org.filmreviews.catalog.repository.FilmRatingRepository;
import org.filmreviews.catalog.repository.PageReviewRepository;
import org.filmreviews.events.InvalidEventException;
import org.filmreviews.events.ReviewDecided;
import org.filmreviews.events.ReviewVoted;
import org.filmreviews.events.ReviewWithdrawn;
import org.filmreviews.events.Topics;
import org.filmreviews.platform.inbox.Inbox;
import org.filmreviews.platform.kafka.BrokerConnection;
import org.filmreviews.platform.kafka.IncomingEvent;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;
import org.filmreviews.catalog.service.live.PageChange;
import org.filmreviews.catalog.service.live.PageNoticeChannel;
import org.filmreviews.platform.domain.Conflict;

/**
 * Drops the page data and builds it again from the review topics, read from offset 0.
 * <p>
 * How it stays correct while events keep flowing: the whole rebuild is one database transaction.
 * <ol>
 * <li>It takes the page data lock exclusively. Every live event is applied under the same lock, shared,
 * so this waits for the live writes in flight and, until commit, turns the others away: their
 * consumers retry shortly after (see {@link ReviewProjection}), their records still uncommitted in
 * Kafka.</li>
 * <li>Only then does it read the end offset of every partition. Every event a live consumer has applied
 * so far lies below those offsets, so the rebuild replays all of it, each partition in log order.</li>
 * <li>It deletes the page data and the projection's inbox (DELETE, not TRUNCATE: readers keep seeing the
 * old page until the new one commits), replays every record below the end offsets by the same
 * {@link PageRules} the live consumers apply, on rows in memory, writes the rows and the inbox entries
 * with COPY (a group of partitions at a time, see {@link #groups}), and commits.</li>
 * <li>The live consumers then carry on where they were. What they meet below the end offsets was
 * replayed, its id is in the inbox again, and it is skipped; what lies beyond is new and applied in
 * order after everything the rebuild saw.</li>
 * </ol>
 * A failure rolls everything back: the old page data stays. Pages read during a rebuild show the data
 * as it was before it; live events wait (at most {@code catalog.rebuild.timeout}, after which the
 * rebuild gives up).
 * <p>
 * Only the events that the topics still hold can be replayed: the review topics must keep their records
 * (retention.ms=-1, {@code filmreviews.topics.retained}). A partition that no longer starts at offset 0 is
 * reported.
 */
@ApplicationScoped
public class PageRebuild {

    /** What a rebuild did. */
    public record Report(long recordsRead, long eventsApplied, long duplicatesSkipped, long unreadableSkipped,
            List<String> partitionsNotFromZero, PageChecksum.Fingerprint result, long tookMillis) {
    }

    private static final Logger LOG = Logger.getLogger(PageRebuild.class);
    private static final List<String> SOURCES = List.of(Topics.REVIEW_DECIDED, Topics.REVIEW_WITHDRAWN, Topics.REVIEW_VOTED);
    private static final Map<String, Class<?>> PAYLOADS = Map.of(
            Topics.REVIEW_DECIDED, ReviewDecided.class,
            Topics.REVIEW_WITHDRAWN, ReviewWithdrawn.class,
            Topics.REVIEW_VOTED, ReviewVoted.class);

    @Inject
    EntityManager entityManager;

    @Inject
    ProjectionLock lock;

    @Inject
    Inbox inbox;

    @Inject
    PageReviewRepository reviews;

    @Inject
    FilmRatingRepository ratings;

    @Inject
    PageChecksum checksum;

    @Inject
    PageNoticeChannel notices;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    RebuildConfig config;

    public Report rebuild() {
        long started = System.nanoTime();
        Counts counts = QuarkusTransaction.requiringNew().timeout((int) config.timeout().toSeconds())
                .call(this::rebuildInTransaction);
        Report report = new Report(counts.read, counts.applied, counts.duplicates, counts.unreadable,
                counts.notFromZero, checksum.of(null), (System.nanoTime() - started) / 1_000_000);
        LOG.infof("Page data rebuilt from the log: %d records read, %d events applied, %d duplicates, %d unreadable, %d ms; %s",
                report.recordsRead(), report.eventsApplied(), report.duplicatesSkipped(), report.unreadableSkipped(),
                report.tookMillis(), report.result());
        if (!counts.notFromZero.isEmpty()) {
            LOG.warnf("Partitions whose first records were deleted by retention, so could not be replayed: %s",
                    counts.notFromZero);
        }
        return report;
    }

    private static final class Counts {
        long read;
        long applied;
        long duplicates;
        long unreadable;
        List<String> notFromZero = new ArrayList<>();
    }

    private Counts rebuildInTransaction() {
        if (!lock.tryRebuild()) {
            throw new Conflict("A rebuild of the page data is running already.");
        }
        lock.exclusivePageData();
        long deadline = System.nanoTime() + config.timeout().toNanos();
        Counts counts = new Counts();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            Map<String, Integer> partitionCounts = new HashMap<>();
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : SOURCES) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
                if (infos != null) {
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                    partitionCounts.put(topic, infos.size());
                }
            }
            // Read under the exclusive lock: everything applied live so far lies below these offsets.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions, Duration.ofSeconds(30));
            start.forEach((partition, offset) -> {
                if (offset > 0) {
                    counts.notFromZero.add(partition + " starts at " + offset);
                }
            });

            entityManager.createNativeQuery("DELETE FROM page_review").executeUpdate();
            entityManager.createNativeQuery("DELETE FROM film_rating").executeUpdate();
            inbox.forget(ReviewProjection.CONSUMER);

            Map<UUID, FilmRating> summaries = new HashMap<>();
            Integer perTopic = partitionCounts.values().stream().distinct().count() == 1
                    ? partitionCounts.values().iterator().next() : null;
            try (ParallelDecoder decoder = new ParallelDecoder(PAYLOADS)) {
                for (List<TopicPartition> group : groups(partitions, perTopic)) {
                    fold(consumer, decoder, group, perTopic, start, end, summaries, counts, deadline);
                }
            }
            ratings.copyAll(summaries.values());
        }
        // Sent with the rebuild: every reader on every instance reads its page again once the new data committed.
        notices.publish(List.of(new PageChange(PageChange.Kind.REBUILT, null, null)));
        return counts;
    }

    /**
     * The partitions read together, each group folded in memory and written before the next is read, so that
     * memory holds one group's reviews. Every event of a review is keyed by its film, so when the three topics
     * have as many partitions, a review's events are all in the same partition of each: the groups are those
     * partitions. Otherwise everything is one group.
     */
    private static List<List<TopicPartition>> groups(List<TopicPartition> partitions, Integer perTopic) {
        if (perTopic == null) {
            return List.of(partitions);
        }
        Map<Integer, List<TopicPartition>> byIndex = new TreeMap<>();
        partitions.forEach(p -> byIndex.computeIfAbsent(p.partition(), i -> new ArrayList<>()).add(p));
        return List.copyOf(byIndex.values());
    }

    /**
     * Reads a group's partitions up to their end offsets, applies their events to rows in memory by the same
     * {@link PageRules} as the live consumers (each event id once, in log order per partition), then writes the
     * rows and the inbox entries with COPY.
     */
    private void fold(KafkaConsumer<String, byte[]> consumer, ParallelDecoder decoder, List<TopicPartition> group,
            Integer perTopic,
            Map<TopicPartition, Long> start, Map<TopicPartition, Long> end, Map<UUID, FilmRating> summaries, Counts counts,
            long deadline) {
        FoldedRows rows = new FoldedRows(summaries);
        Set<String> applied = new HashSet<>();
        consumer.assign(group);
        consumer.seekToBeginning(group);
        Set<TopicPartition> pending = new HashSet<>();
        for (TopicPartition partition : group) {
            if (end.get(partition) > start.get(partition)) {
                pending.add(partition);
            } else {
                consumer.pause(List.of(partition)); // nothing to replay: what arrives now is the live consumers'
            }
        }
        while (!pending.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "The rebuild did not finish within " + config.timeout() + "; nothing was changed");
            }
            ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
            List<ConsumerRecord<String, byte[]>> below = new ArrayList<>(records.count());
            for (TopicPartition partition : records.partitions()) {
                long stopAt = end.get(partition);
                for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                    if (record.offset() >= stopAt) {
                        break;
                    }
                    below.add(record);
                }
            }
            counts.read += below.size();
            List<IncomingEvent<?>> events = decoder.decode(below);
            for (int i = 0; i < below.size(); i++) {
                fold(below.get(i), events.get(i), perTopic, rows, applied, counts);
            }
            for (TopicPartition partition : new ArrayList<>(pending)) {
                if (consumer.position(partition) >= end.get(partition)) {
                    pending.remove(partition);
                    consumer.pause(List.of(partition));
                }
            }
        }
        reviews.copyAll(rows.all());
        inbox.recordAll(ReviewProjection.CONSUMER, applied);
    }

    private void fold(ConsumerRecord<String, byte[]> record, IncomingEvent<?> event, Integer perTopic, FoldedRows rows,
            Set<String> applied,
            Counts counts) {
        if (event == null) {
            // Not a valid event: the live consumer sent it to the dead-letter topic, so it never reached the page either.
            counts.unreadable++;
            return;
        }
        if (perTopic != null && record.key() != null
                && Utils.toPositive(Utils.murmur2(record.key().getBytes(StandardCharsets.UTF_8))) % perTopic != record
                        .partition()) {
            // Only Kafka's default partitioner puts a film's events in the same partition of each topic.
            throw new IllegalStateException("The record at " + record.topic() + "/" + record.partition() + "@" + record.offset()
                    + " is not in the partition its key hashes to; nothing was changed");
        }
        if (!applied.add(event.id())) {
            counts.duplicates++;
            return;
        }
        try {
            PageRules.apply(event.payload(), rows, PageRules.Changes.NONE);
            counts.applied++;
        } catch (InvalidEventException e) {
            // Live, it failed its transaction (inbox entry included) and went to the dead-letter topic.
            applied.remove(event.id());
            counts.unreadable++;
        }
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = BrokerConnection.settings(kafkaConfig);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 << 20);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "catalog-page-rebuild");
        return config;
    }
}
