package org.filmreviews.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.filmreviews.devinfra.test.EventTestClient;
import org.filmreviews.devinfra.test.RealInfraTestResource;
import org.filmreviews.events.CloudEventHeaders;
import org.filmreviews.events.Decision;
import org.filmreviews.events.Topics;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The service's database goes away (connections refused, open ones terminated, as in a restart or
 * failover) and comes back. Meanwhile the API answers 503 with Retry-After at once, readiness says the
 * service is waiting, and an event that arrives is held, not dead-lettered: it takes effect when the
 * database is back.
 */
@QuarkusTest
class DatabaseOutageTest {

    @Test
    void aDecisionArrivingWhileTheDatabaseIsAwayTakesEffectWhenItIsBackAndIsNeverDeadLettered() {
        UUID film = Fixtures.filmKnownToTheReplica();
        String author = Fixtures.newReviewer();
        String id = Fixtures.submit(author, film, Map.of("body", "Posted just before the database went away."));

        RealInfraTestResource.takeDatabaseAway();
        try {
            Fixtures.decide(film, id, 1, Decision.PUBLISH, null);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Response ready = given().get(ManagementInterface.url("/q/health/ready"));
                return ready.statusCode() == 503 && ready.body().asString().contains("waiting since");
            });

            long started = System.nanoTime();
            Response read = given().header("Authorization", author).get("/reviews/{id}", id);
            Response write = given().header("Authorization", author).contentType(ContentType.JSON)
                    .body(Map.of("body", "Posted while the database is away."))
                    .post("/films/{film}/reviews", UUID.randomUUID());
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered, not hung")
                    .isLessThan(Duration.ofSeconds(15));
            for (Response answer : List.of(read, write)) {
                assertThat(answer.statusCode()).as(answer.body().asString()).isEqualTo(503);
                assertThat(answer.contentType()).startsWith("application/problem+json");
                assertThat(answer.header("Retry-After")).isNotBlank();
            }
        } finally {
            RealInfraTestResource.bringDatabaseBack();
        }

        Fixtures.awaitStatus(author, id, "PUBLISHED");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> given().get(ManagementInterface.url("/q/health/ready")).statusCode() == 200);
        try (EventTestClient kafka = new EventTestClient(RealInfraTestResource.bootstrapServers())) {
            List<ConsumerRecord<String, byte[]>> dead = kafka.read(Topics.deadLetter("review-service", Topics.REVIEW_DECIDED),
                    Duration.ofSeconds(3), records -> false);
            assertThat(dead).noneMatch(r -> id.equals(EventTestClient.header(r, CloudEventHeaders.SUBJECT)));
        }
    }
}
