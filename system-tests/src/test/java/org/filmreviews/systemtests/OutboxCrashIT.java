package org.filmreviews.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.filmreviews.devinfra.kafka.KafkaServerProcess;
import org.filmreviews.devinfra.keys.JwtKeys;
import org.filmreviews.devinfra.launch.Directories;
import org.filmreviews.devinfra.launch.Ports;
import org.filmreviews.devinfra.launch.ServiceEnvironment;
import org.filmreviews.devinfra.launch.ServiceProcess;
import org.filmreviews.devinfra.postgres.EmbeddedPostgresServer;
import org.filmreviews.devinfra.test.EventTestClient;
import org.filmreviews.events.Author;
import org.filmreviews.events.CloudEventHeaders;
import org.filmreviews.events.EventCodec;
import org.filmreviews.events.ReviewSubmitted;
import org.filmreviews.events.Topics;
import org.junit.jupiter.api.Test;

/**
 * review-service is killed (SIGKILL) while its outbox relay is half-way through a backlog, then
 * started again: no event is lost and each film's events keep their order. (A batch the broker had
 * acknowledged but the dead relay never marked is sent again; consumers drop the copy by ce_id.)
 */
class OutboxCrashIT {

    private static final int EVENTS = 20_000;
    private static final int FILMS = 50;

    @Test
    void aRelayKilledMidBacklogLosesNothingAndKeepsEachFilmsOrder() throws Exception {
        Path project = Path.of(System.getProperty("filmreviews.project.dir", "..")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("outbox-crash");
        Path jar = project.resolve("review-service/target/quarkus-app/quarkus-run.jar");
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startTemporary();
                KafkaServerProcess kafka = KafkaServerProcess.start(work.resolve("kafka"), Ports.free(), Ports.free(),
                        work.resolve("kafka.log"))) {
            postgres.ensureDatabase("reviews");
            JwtKeys keys = JwtKeys.ensure(work.resolve("keys"));
            Map<String, String> env = new HashMap<>(
                    ServiceEnvironment.of(postgres, "reviews", kafka.bootstrapServers(), keys, true));
            // Small batches, so that the kill lands between many of them.
            env.put("FILMREVIEWS_OUTBOX_BATCH_SIZE", "200");
            String url = postgres.jdbcUrl("reviews");

            ServiceProcess first = ServiceProcess.start("review-service", jar, Ports.free(), env, work);
            first.awaitReady(Duration.ofSeconds(120));
            Map<UUID, List<UUID>> expectedOrder = queue(url, postgres.username(), postgres.password());

            long sent = waitUntilSent(url, postgres.username(), postgres.password(), EVENTS / 10, Duration.ofSeconds(60));
            first.crash();
            long sentAtCrash = countSent(url, postgres.username(), postgres.password());
            assertThat(sentAtCrash).as("the kill must land mid-backlog").isBetween(sent, (long) EVENTS - 1);

            try (ServiceProcess second = ServiceProcess.start("review-service", jar, Ports.free(), env, work)) {
                second.awaitReady(Duration.ofSeconds(120));
                waitUntilSent(url, postgres.username(), postgres.password(), EVENTS, Duration.ofSeconds(180));
            }

            try (EventTestClient client = new EventTestClient(kafka.bootstrapServers())) {
                List<ConsumerRecord<String, byte[]>> records = client.read(Topics.REVIEW_SUBMITTED, Duration.ofSeconds(120),
                        read -> distinctIds(read).size() >= EVENTS);
                Set<String> ids = distinctIds(records);
                assertThat(ids).hasSize(EVENTS);

                // Per film, the first appearance of each event follows the order the rows were written in.
                Map<UUID, List<UUID>> seenOrder = new LinkedHashMap<>();
                Set<String> seen = new LinkedHashSet<>();
                for (ConsumerRecord<String, byte[]> record : records) {
                    String ceId = EventTestClient.header(record, CloudEventHeaders.ID);
                    if (seen.add(ceId)) {
                        seenOrder.computeIfAbsent(UUID.fromString(record.key()), f -> new ArrayList<>())
                                .add(UUID.fromString(ceId));
                    }
                }
                assertThat(seenOrder).isEqualTo(expectedOrder);
                System.out.printf("outbox crash: %d events, %d sent when killed, %d records read (%d resent after the kill)%n",
                        EVENTS, sentAtCrash, records.size(), records.size() - EVENTS);
            }
        } finally {
            Directories.deleteRecursively(work.resolve("kafka"));
        }
    }

    private static Set<String> distinctIds(List<ConsumerRecord<String, byte[]>> records) {
        Set<String> ids = new java.util.HashSet<>();
        records.forEach(r -> ids.add(EventTestClient.header(r, CloudEventHeaders.ID)));
        return ids;
    }

    /** Outbox rows as review-service writes them, all committed at once; returns each film's event ids in order. */
    private static Map<UUID, List<UUID>> queue(String url, String user, String password) throws Exception {
        List<UUID> films = new ArrayList<>();
        for (int i = 0; i < FILMS; i++) {
            films.add(UUID.randomUUID());
        }
        Map<UUID, List<UUID>> order = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection(url, user, password);
                PreparedStatement insert = db.prepareStatement("INSERT INTO outbox_event"
                        + " (id, topic, event_key, ce_type, ce_subject, payload, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            db.setAutoCommit(false);
            for (int i = 0; i < EVENTS; i++) {
                UUID film = films.get(i % FILMS);
                UUID id = UUID.randomUUID();
                ReviewSubmitted event = new ReviewSubmitted(UUID.randomUUID(), film, 1,
                        new Author("a" + i, "author" + i, "Author " + i), null, null, "Review number " + i, false,
                        Instant.now());
                insert.setObject(1, id);
                insert.setString(2, Topics.REVIEW_SUBMITTED);
                insert.setString(3, film.toString());
                insert.setString(4, "reviews.review.submitted.v1");
                insert.setString(5, event.reviewId().toString());
                insert.setString(6, new String(EventCodec.encode(event), StandardCharsets.UTF_8));
                insert.setTimestamp(7, Timestamp.from(Instant.now()));
                insert.addBatch();
                order.computeIfAbsent(film, f -> new ArrayList<>()).add(id);
            }
            insert.executeBatch();
            db.commit();
        }
        return order;
    }

    private static long countSent(String url, String user, String password) throws Exception {
        try (Connection db = DriverManager.getConnection(url, user, password);
                Statement query = db.createStatement();
                ResultSet rs = query.executeQuery("SELECT count(*) FROM outbox_event WHERE sent_at IS NOT NULL")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long waitUntilSent(String url, String user, String password, long atLeast, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            long sent = countSent(url, user, password);
            if (sent >= atLeast) {
                return sent;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("Fewer than " + atLeast + " outbox events were sent within " + timeout.toSeconds() + " s");
    }
}
