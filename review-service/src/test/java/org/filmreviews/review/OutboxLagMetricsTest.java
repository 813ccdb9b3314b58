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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.filmreviews.platform.outbox.OutboxEvent;
import org.filmreviews.platform.outbox.OutboxLagMetrics;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The outbox lag gauges (platform's {@link OutboxLagMetrics}) against the real table: with a relay whose producer can
 * reach no broker, an accepted review's event cannot be sent, and the gauges show it waiting and growing older; they
 * follow the table when the row goes, and their query is one the partial index of unsent rows answers.
 */
@QuarkusTest
@TestProfile(OutboxLagMetricsTest.NoBrokerForTheRelay.class)
class OutboxLagMetricsTest {

    /** The consumers keep the real broker (the film replica needs it); the outbox producer gets an address nobody answers. */
    public static class NoBrokerForTheRelay implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("filmreviews.outbox.producer.bootstrap.servers", "127.0.0.1:9",
                    "filmreviews.outbox.max-backoff", "1s",
                    "filmreviews.metrics.outbox-lag-every", "1s");
        }
    }

    private static final String SERVICE = "review-service";

    @Inject
    DataSource dataSource;

    @Test
    void anEventTheBrokerCannotTakeShowsAsUnsentAndGrowsOlderUntilItLeavesTheTable() {
        UUID film = Fixtures.filmKnownToTheReplica();
        String reviewId = Fixtures.submit(Fixtures.newReviewer(), film, Map.of("body", "Written while the relay has no broker."));

        // Tried and still there: the relay cannot send it, the gauges count it and it ages.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(gauge("filmreviews_outbox_unsent_oldest_age_seconds")).isGreaterThanOrEqualTo(4.0);
            assertThat(gauge("filmreviews_outbox_unsent_rows")).isEqualTo(waitingRows()).isGreaterThanOrEqualTo(1.0);
        });
        assertThat(unsentRowsAbout(reviewId)).isEqualTo(1);
        double before = gauge("filmreviews_outbox_unsent_oldest_age_seconds");
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(gauge("filmreviews_outbox_unsent_oldest_age_seconds")).isGreaterThan(before + 1.5));

        // Marked sent (as the relay does once Kafka acknowledges), the rows leave the gauges within a reading or two.
        QuarkusTransaction.requiringNew().run(() -> OutboxEvent.update("sentAt = ?1 where sentAt is null and parkedAt is null",
                java.time.Instant.now()));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(gauge("filmreviews_outbox_unsent_rows")).isZero();
            assertThat(gauge("filmreviews_outbox_unsent_oldest_age_seconds")).isZero();
        });
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
        String metrics = given().get(ManagementInterface.url("/q/metrics")).then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} (\\S+)$").matcher(metrics);
        while (line.find()) {
            if (line.group(1).contains("service=\"" + SERVICE + "\"")) {
                return Double.parseDouble(line.group(2));
            }
        }
        throw new AssertionError("No " + name + "{service=\"" + SERVICE + "\"} in /q/metrics");
    }

    private static double waitingRows() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("sentAt is null and parkedAt is null"));
    }

    private static long unsentRowsAbout(String reviewId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("subject = ?1 and sentAt is null", reviewId));
    }
}
