package org.filmreviews.systemtests.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.filmreviews.devinfra.launch.LocalSystem;

/**
 * Every service reads every topic it consumes again from offset 0, in consumer groups of its own that
 * never read anything, with its inbox emptied (as if every event id had been pruned): versions alone
 * must keep old events from changing anything. The catalog's page checksum, review-service's reviews
 * and moderation's cases must be exactly what they were.
 */
final class Replay {

    /** Each service's channels, as named in its application.properties. */
    private static final Map<String, Map<String, String>> CHANNELS = Map.of(
            "review-service",
            Map.of("review-decided", "moderation.review-decided.v1", "film-changed", "catalog.film-changed.v1"),
            "moderation-service",
            Map.of("review-submitted", "reviews.review-submitted.v1", "film-changed", "catalog.film-changed.v1",
                    "review-appealed", "reviews.review-appealed.v1", "review-withdrawn", "reviews.review-withdrawn.v1",
                    "review-reported", "reviews.review-reported.v1"),
            "catalog-service",
            Map.of("review-decided", "moderation.review-decided.v1", "review-withdrawn", "reviews.review-withdrawn.v1",
                    "review-voted", "reviews.review-voted.v1"));

    private final LocalSystem system;
    private final Cast cast;

    Replay(LocalSystem system, Cast cast) {
        this.system = system;
        this.cast = cast;
    }

    FaultTable.Row run() throws Exception {
        awaitQuiet();
        Snapshot before = snapshot();
        Map<String, String> groups = new LinkedHashMap<>();
        Map<String, Map<String, String>> environments = new HashMap<>();
        system.stopServices();
        for (String service : LocalSystem.SERVICES) {
            sql(service, "DELETE FROM inbox_event");
            Map<String, String> env = new HashMap<>();
            CHANNELS.get(service).forEach((channel, topic) -> {
                String group = service + ".replay." + channel;
                env.put("MP_MESSAGING_INCOMING_" + channel.toUpperCase().replace('-', '_') + "_GROUP_ID", group);
                groups.put(group, topic);
            });
            environments.put(service, env);
        }
        system.startServices(environments);
        long events = awaitCaughtUp(groups, Duration.ofSeconds(180));
        awaitQuiet();
        Snapshot after = snapshot();

        List<String> problems = new ArrayList<>();
        if (!before.checksum.equals(after.checksum)) {
            problems.add("catalog checksum " + before.checksum + " became " + after.checksum);
        }
        int changed = 0;
        for (Map.Entry<String, String> review : before.reviews.entrySet()) {
            if (!review.getValue().equals(after.reviews.get(review.getKey()))) {
                changed++;
                problems.add("review " + review.getKey() + ": " + review.getValue() + " became "
                        + after.reviews.get(review.getKey()));
            }
        }
        for (Map.Entry<String, String> moderated : before.cases.entrySet()) {
            if (!moderated.getValue().equals(after.cases.get(moderated.getKey()))) {
                changed++;
                problems.add("case " + moderated.getKey() + ": " + moderated.getValue() + " became "
                        + after.cases.get(moderated.getKey()));
            }
        }
        return new FaultTable.Row("every topic replayed from offset 0 into fresh consumer groups, inboxes emptied",
                before.reviews.size(),
                before.reviews.size(), before.reviews.size() - changed, (int) before.visible, changed, 0,
                List.of(events + " records read again by " + groups.size() + " consumers",
                        "catalog checksum " + (before.checksum.equals(after.checksum) ? "identical" : "CHANGED"),
                        before.cases.size() + " moderation cases compared"),
                problems);
    }

    private record Snapshot(String checksum, long visible, Map<String, String> reviews, Map<String, String> cases) {
    }

    private Snapshot snapshot() throws Exception {
        Http.Reply checksum = Http.get(cast.catalogUrl + "/admin/page-data/checksum", cast.adminToken);
        Cast.require(checksum, 200);
        Map<String, String> reviews = rows("review-service",
                "SELECT id::text, concat_ws(' ', status, version, on_page, page_version,"
                        + " helpful_votes, not_helpful_votes, vote_tally, md5(body)) FROM review");
        Map<String, String> cases = rows("moderation-service",
                "SELECT review_id || '@' || version, concat_ws(' ', outcome, open,"
                        + " decided_by, withdrawn_at IS NOT NULL, appealed_at IS NOT NULL, taken_down_from) FROM moderation_case");
        return new Snapshot(checksum.body().get("sha256").asText(), checksum.body().get("visibleReviews").asLong(), reviews,
                cases);
    }

    /** Waits until every outbox is empty and the consumers are idle, so that a snapshot is stable. */
    private void awaitQuiet() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            boolean quiet = true;
            for (String service : LocalSystem.SERVICES) {
                quiet &= rows(service,
                        "SELECT 'unsent', count(*)::text FROM outbox_event WHERE sent_at IS NULL AND parked_at IS NULL")
                        .get("unsent").equals("0");
            }
            if (quiet) {
                Thread.sleep(3000); // what was just sent is applied by now
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("The outboxes did not drain within a minute");
    }

    /** Waits until each new group has committed the end of its topic; returns how many records they read. */
    private long awaitCaughtUp(Map<String, String> groups, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", system.kafkaBootstrapServers()))) {
            while (true) {
                long records = 0;
                boolean caughtUp = true;
                for (Map.Entry<String, String> group : groups.entrySet()) {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                            .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                    Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
                    admin.describeTopics(List.of(group.getValue())).allTopicNames().get(10, TimeUnit.SECONDS)
                            .get(group.getValue())
                            .partitions()
                            .forEach(p -> ends.put(new TopicPartition(group.getValue(), p.partition()), OffsetSpec.latest()));
                    for (var end : admin.listOffsets(ends).all().get(10, TimeUnit.SECONDS).entrySet()) {
                        OffsetAndMetadata at = committed.get(end.getKey());
                        long position = at == null ? 0 : at.offset();
                        caughtUp &= end.getValue().offset() == 0 || position >= end.getValue().offset();
                        records += position;
                    }
                }
                if (caughtUp) {
                    return records;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("The replaying consumers did not catch up within " + timeout);
                }
                Thread.sleep(1000);
            }
        }
    }

    private Map<String, String> rows(String service, String query) throws Exception {
        Map<String, String> rows = new HashMap<>();
        try (Connection db = connect(service); Statement sql = db.createStatement(); ResultSet rs = sql.executeQuery(query)) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getString(2));
            }
        }
        return rows;
    }

    private void sql(String service, String statement) throws Exception {
        try (Connection db = connect(service); Statement sql = db.createStatement()) {
            sql.execute(statement);
        }
    }

    private Connection connect(String service) throws Exception {
        return DriverManager.getConnection(system.postgres().jdbcUrl(LocalSystem.databaseOf(service)),
                system.postgres().username(),
                system.postgres().password());
    }
}
