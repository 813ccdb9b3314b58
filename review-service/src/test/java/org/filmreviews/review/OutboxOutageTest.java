package org.filmreviews.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.filmreviews.devinfra.test.EventTestClient;
import org.filmreviews.devinfra.test.RealInfraTestResource;
import org.filmreviews.events.CloudEventHeaders;
import org.filmreviews.events.EventCodec;
import org.filmreviews.events.ReviewSubmitted;
import org.filmreviews.events.Topics;
import org.filmreviews.platform.outbox.OutboxEvent;
import org.filmreviews.platform.outbox.OutboxLagMetrics;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The broker goes away while people keep posting: the API keeps answering, the outbox keeps the
 * events, and when the broker is back every event arrives once, in order per film. Meanwhile the outbox lag
 * gauges (platform's {@link OutboxLagMetrics}) show the waiting events against the real table, growing older;
 * they follow the table when the rows go, and their query is one the partial index of unsent rows answers.
 */
@QuarkusTest
@TestProfile(OutboxOutageTest.RestartableBroker.class)
class OutboxOutageTest {

    public static class RestartableBroker implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RealInfraTestResource.class,
                    Map.of("database", "reviews", "kafka", "process")));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // Fail fast while the broker is away, so the relay retries often.
            // The lag gauges read the table every second, so that their tests see them move.
            return Map.of("filmreviews.outbox.producer.delivery.timeout.ms", "5000",
                    "filmreviews.outbox.producer.request.timeout.ms", "2000",
                    "filmreviews.outbox.producer.max.block.ms", "2000",
                    "filmreviews.outbox.max-backoff", "1s",
                    "filmreviews.metrics.outbox-lag-every", "1s");
        }
    }

    private static final String SERVICE = "review-service";

    @Inject
    DataSource dataSource;

    private static long unsent() {
        return OutboxRows.unsent();
    }

    @Test
    void everyEventArrivesOnceAndInOrderAfterAnOutage() {
        UUID filmA = Fixtures.filmKnownToTheReplica();
        UUID filmB = Fixtures.filmKnownToTheReplica();
        await().atMost(Duration.ofSeconds(20)).until(() -> unsent() == 0);

        RealInfraTestResource.stopKafka();
        List<String> ids = new ArrayList<>();
        Map<String, UUID> filmOf = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            UUID film = i % 2 == 0 ? filmA : filmB;
            String author = Fixtures.newReviewer();
            String id = Fixtures.submit(author, film, Map.of("body", "Posted during the outage, number " + i));
            // An edit right after: two versions of one review that must keep their order.
            given().header("Authorization", author).contentType(ContentType.JSON)
                    .body(Map.of("body", "Edited during the outage " + i))
                    .when().put("/reviews/{id}", id).then().statusCode(202);
            ids.add(id);
            filmOf.put(id, film);
        }
        assertThat(unsent()).isEqualTo(12);
        // The service stays in rotation: it takes writes, so readiness must not follow the broker.
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> given().get(ManagementInterface.url("/q/health/ready")).then().statusCode(200));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().get(ManagementInterface.url("/q/health/well")).then()
                .body("checks.find { it.name == 'outbox' }.data.unsent", org.hamcrest.Matchers.equalTo(12)));

        RealInfraTestResource.startKafka();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> unsent() == 0);

        try (EventTestClient kafka = new EventTestClient(RealInfraTestResource.bootstrapServers())) {
            List<ConsumerRecord<String, byte[]>> records = kafka.read(Topics.REVIEW_SUBMITTED, Duration.ofSeconds(30),
                    read -> read.stream().filter(r -> ids.contains(EventTestClient.header(r, CloudEventHeaders.SUBJECT)))
                            .count() >= 12)
                    .stream().filter(r -> ids.contains(EventTestClient.header(r, CloudEventHeaders.SUBJECT))).toList();

            Map<String, Long> copies = records.stream()
                    .collect(
                            Collectors.groupingBy(r -> EventTestClient.header(r, CloudEventHeaders.ID), Collectors.counting()));
            assertThat(copies).hasSize(12);
            assertThat(copies.values()).allMatch(n -> n == 1);

            for (UUID film : List.of(filmA, filmB)) {
                List<ConsumerRecord<String, byte[]>> ofFilm = records.stream().filter(r -> film.toString().equals(r.key()))
                        .toList();
                assertThat(ofFilm).hasSize(6);
                assertThat(ofFilm.stream().map(ConsumerRecord::partition).distinct()).hasSize(1);
                List<String> order = ofFilm.stream().map(r -> {
                    ReviewSubmitted event = EventCodec.decode(ReviewSubmitted.class, r.value());
                    return event.reviewId() + "@" + event.version();
                }).toList();
                List<String> expected = ids.stream().filter(id -> filmOf.get(id).equals(film))
                        .flatMap(id -> java.util.stream.Stream.of(id + "@1", id + "@2")).toList();
                assertThat(order).containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void anEventTheBrokerCannotTakeShowsAsUnsentAndGrowsOlderUntilItLeavesTheTable() {
        UUID film = Fixtures.filmKnownToTheReplica();
        await().atMost(Duration.ofSeconds(20)).until(() -> unsent() == 0);

        RealInfraTestResource.stopKafka();
        try {
            String reviewId = Fixtures.submit(Fixtures.newReviewer(), film,
                    Map.of("body", "Written while the relay has no broker."));

            // Tried and still there: the relay cannot send it, the gauges count it and it ages.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertThat(gauge("filmreviews_outbox_unsent_oldest_age_seconds")).isGreaterThanOrEqualTo(4.0);
                assertThat(gauge("filmreviews_outbox_unsent_rows")).isEqualTo((double) OutboxRows.waiting())
                        .isGreaterThanOrEqualTo(1.0);
            });
            assertThat(OutboxRows.unsentAbout(reviewId)).isEqualTo(1);
            double before = gauge("filmreviews_outbox_unsent_oldest_age_seconds");
            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(gauge("filmreviews_outbox_unsent_oldest_age_seconds"))
                            .isGreaterThan(before + 1.5));

            // Marked sent (as the relay does once Kafka acknowledges), the rows leave the gauges within a reading or two.
            QuarkusTransaction.requiringNew()
                    .run(() -> OutboxEvent.update("sentAt = ?1 where sentAt is null and parkedAt is null",
                            java.time.Instant.now()));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(gauge("filmreviews_outbox_unsent_rows")).isZero();
                assertThat(gauge("filmreviews_outbox_unsent_oldest_age_seconds")).isZero();
            });
        } finally {
            RealInfraTestResource.startKafka();
        }
    }

    @Test
    void theLagQueryIsAnsweredFromThePartialIndexOfUnsentRowsWithoutReadingTheTable() throws SQLException {
        List<String> plan = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                // The table is small here, so the planner might read it whole anyway; this asks whether it has to.
                statement.execute("SET LOCAL enable_seqscan = off");
                try (ResultSet rows = statement.executeQuery("EXPLAIN " + OutboxLagMetrics.QUERY)) {
                    while (rows.next()) {
                        plan.add(rows.getString(1));
                    }
                }
            } finally {
                connection.rollback();
            }
        }
        assertThat(String.join("\n", plan))
                .doesNotContain("Seq Scan")
                .containsPattern("(?s)using outbox_event_unsent on outbox_event.*using outbox_event_unsent on outbox_event");
    }

    /** The gauge's value for this service in the Prometheus text of the management port. */
    private static double gauge(String name) {
        return ManagementInterface.gauge(name, SERVICE);
    }
}
