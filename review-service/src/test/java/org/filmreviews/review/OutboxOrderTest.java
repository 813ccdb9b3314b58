package org.filmreviews.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.filmreviews.devinfra.test.EventTestClient;
import org.filmreviews.devinfra.test.RealInfraTestResource;
import org.filmreviews.events.Author;
import org.filmreviews.events.CloudEventHeaders;
import org.filmreviews.events.EventCodec;
import org.filmreviews.events.ReviewSubmitted;
import org.filmreviews.events.Topics;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A row that failed before is sent in a batch of its own, by a producer of its own; the rows written after it with
 * the same key must still arrive after it (two producers keep no order between them).
 */
@QuarkusTest
class OutboxOrderTest {

    private static final int FILMS = 30;

    @Test
    void aRowRetriedAloneStillGoesOutBeforeTheLaterRowsOfItsKey() throws Exception {
        Map<String, List<String>> written = new HashMap<>();
        try (Connection db = RealInfraTestResource.databaseConnection();
                PreparedStatement insert = db
                        .prepareStatement("INSERT INTO outbox_event (id, topic, event_key, ce_type, ce_subject,"
                                + " payload, created_at, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            db.setAutoCommit(false);
            for (int film = 0; film < FILMS; film++) {
                String key = UUID.randomUUID().toString();
                UUID review = UUID.randomUUID();
                for (int version = 1; version <= 3; version++) {
                    UUID id = UUID.randomUUID();
                    ReviewSubmitted event = new ReviewSubmitted(review, UUID.fromString(key), version,
                            new Author("a", "a", "A"), null,
                            null, "Version " + version, false, Instant.now());
                    insert.setObject(1, id);
                    insert.setString(2, Topics.REVIEW_SUBMITTED);
                    insert.setString(3, key);
                    insert.setString(4, "reviews.review.submitted.v1");
                    insert.setString(5, review.toString());
                    insert.setString(6, new String(EventCodec.encode(event), StandardCharsets.UTF_8));
                    insert.setTimestamp(7, Timestamp.from(Instant.now()));
                    insert.setInt(8, version == 1 ? 1 : 0); // the first failed once before
                    insert.addBatch();
                    written.computeIfAbsent(key, k -> new ArrayList<>()).add(id.toString());
                }
            }
            insert.executeBatch();
            db.commit();
        }

        try (EventTestClient kafka = new EventTestClient(RealInfraTestResource.bootstrapServers())) {
            List<ConsumerRecord<String, byte[]>> records = kafka.read(Topics.REVIEW_SUBMITTED, Duration.ofSeconds(60),
                    read -> read.stream().filter(r -> written.containsKey(r.key())).count() >= FILMS * 3L);
            Map<String, List<String>> arrived = new HashMap<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                if (written.containsKey(record.key())) {
                    arrived.computeIfAbsent(record.key(), k -> new ArrayList<>())
                            .add(EventTestClient.header(record, CloudEventHeaders.ID));
                }
            }
            assertThat(arrived).isEqualTo(written);
        }
    }
}
