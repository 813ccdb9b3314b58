package org.filmreviews.examples.filmsubscriber;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.filmreviews.events.EventCodec;
import org.filmreviews.events.EventType;
import org.filmreviews.events.InvalidEventException;
import org.filmreviews.events.ReviewDecided;
import org.filmreviews.events.Topics;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;

/**
 * Follows the published reviews of one film and hands each to {@code out} as one line, once.
 *
 * <p>Why {@link Topics#REVIEW_DECIDED}: a film page shows exactly the reviews moderation published. The catalog
 * builds its page from this topic and publishes no review events of its own ({@code catalog.film-changed.v1}
 * carries only the film). A {@code PUBLISH} or {@code PUBLISH_SPOILER} decision carries the review as the page
 * shows it ({@code PublishedReview}), the record key is the film id, and the topic keeps every record, so a new
 * group can start from the beginning. {@code reviews.review-submitted.v1} would show reviews nobody has moderated
 * yet, spam included. An edited review is printed again with its new version. What takes a review off the page (a
 * withdrawal on {@code reviews.review-withdrawn.v1}, or a rejected edit) is left out of this example.
 *
 * <p>Delivery: offsets are committed by hand, only after the lines of a poll were handed to {@code out} and their
 * {@code ce_id}s written to the {@link SeenIds} file. A crash can therefore bring records again, never lose one,
 * and the seen ids drop the copies. Copies with a new offset (a producer's retry) are dropped the same way.
 */
public final class FilmSubscriber implements AutoCloseable {

    public static final String TOPIC = Topics.REVIEW_DECIDED;

    private final Options options;
    private final Consumer<String> diagnostics;
    private final KafkaConsumer<String, CloudEvent> consumer;
    private final SeenIds seen;
    private volatile boolean closed;

    /** @param diagnostics where skipped records and the start and stop are reported (stderr in the program) */
    public FilmSubscriber(Options options, Consumer<String> diagnostics) {
        this.options = options;
        this.diagnostics = diagnostics;
        this.seen = SeenIds.open(options.stateFile(), SeenIds.DEFAULT_CAPACITY);
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, options.groupId(),
                ConsumerConfig.CLIENT_ID_CONFIG, "film-subscriber-" + options.groupId(),
                // A group's first run reads the film's history; every later run resumes from its committed offset.
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new CloudEventDeserializer());
    }

    /**
     * Reads until {@link #wakeup()}, handing one line per published review of the film to {@code out}. It commits
     * after every poll, so nothing is left uncommitted when it returns; partitions moving to another member of the
     * group between polls therefore need no listener.
     */
    public void run(Consumer<String> out) {
        consumer.subscribe(List.of(TOPIC));
        diagnostics.accept("following film " + options.filmId() + " on " + TOPIC + " as group " + options.groupId()
                + " (" + seen.size() + " ids remembered in " + options.stateFile() + ")");
        try {
            while (true) {
                ConsumerRecords<String, CloudEvent> records;
                try {
                    records = consumer.poll(Duration.ofSeconds(1));
                } catch (RecordDeserializationException unreadable) {
                    skip(unreadable);
                    continue;
                }
                for (ConsumerRecord<String, CloudEvent> record : records) {
                    handle(record, out);
                }
                if (!records.isEmpty()) {
                    seen.sync();
                    consumer.commitSync();
                }
            }
        } catch (WakeupException stopping) {
            // The wakeup may have interrupted the commit of a batch already printed: commit it now (the flag is spent).
            // Bounded, so that a broker that is away cannot hold up the stop: the seen ids cover what is not committed.
            seen.sync();
            consumer.commitSync(Duration.ofSeconds(10));
        }
        diagnostics.accept("stopped; offsets committed");
    }

    /** Makes {@link #run} return soon; safe from any thread, for example a shutdown hook. */
    public void wakeup() {
        if (!closed) {
            consumer.wakeup();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            consumer.close(Duration.ofSeconds(5)); // leaves the group at once, so a restart need not wait for it
        } finally {
            seen.close();
        }
    }

    private void handle(ConsumerRecord<String, CloudEvent> record, Consumer<String> out) {
        // Kafka cannot filter on the broker: every subscriber reads the whole topic. The key is the film id, so
        // another film's record is dropped before its payload is read.
        if (!options.filmId().toString().equals(record.key())) {
            return;
        }
        CloudEvent event = record.value();
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        if (!EventType.REVIEW_DECIDED.ceType().equals(event.getType())
                || !EventType.REVIEW_DECIDED.source().equals(event.getSource().toString())) {
            // Only moderation may decide; a record of another type or source is not part of this contract.
            diagnostics.accept("skipped " + where + ": ce_type " + event.getType() + " from " + event.getSource());
            return;
        }
        if (seen.contains(event.getId())) {
            diagnostics.accept("duplicate " + event.getId() + " at " + where + " skipped");
            return;
        }
        if (event.getData() == null) {
            diagnostics.accept("skipped " + where + ": event " + event.getId() + " has no data");
            return;
        }
        ReviewDecided decided;
        try {
            decided = EventCodec.decode(ReviewDecided.class, event.getData().toBytes());
        } catch (InvalidEventException e) {
            diagnostics.accept("skipped " + where + ": " + e.getMessage());
            return;
        }
        if (decided.decision().published() && decided.review() != null) {
            out.accept(ReviewLine.of(decided));
        }
        seen.remember(event.getId());
    }

    /** A record that is no CloudEvent at all would otherwise fail every poll from here on: step over it. */
    private void skip(RecordDeserializationException unreadable) {
        diagnostics.accept("skipped " + unreadable.topicPartition() + "@" + unreadable.offset() + ": not a CloudEvent ("
                + unreadable.getMessage() + ")");
        consumer.seek(unreadable.topicPartition(), unreadable.offset() + 1);
    }
}
