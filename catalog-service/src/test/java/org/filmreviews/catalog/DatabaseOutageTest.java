package org.filmreviews.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.filmreviews.devinfra.test.EventTestClient;
import org.filmreviews.devinfra.test.RealInfraTestResource;
import org.filmreviews.events.CloudEventHeaders;
import org.filmreviews.events.Topics;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The catalog's database goes away and comes back: pages are answered 503 with Retry-After meanwhile
 * (not 500, not a hang), and a review published meanwhile reaches its page afterwards instead of the
 * dead-letter topic.
 */
@QuarkusTest
class DatabaseOutageTest {

    @Test
    void aReviewPublishedWhileTheDatabaseIsAwayReachesItsPageWhenItIsBack() {
        String filmId = FilmsTest.createFilm(Map.of("title", "Outage " + UUID.randomUUID()));
        UUID review = UUID.randomUUID();

        RealInfraTestResource.takeDatabaseAway();
        try (EventTestClient kafka = new EventTestClient(RealInfraTestResource.bootstrapServers())) {
            new ReviewEvents(kafka, filmId).publish(review, 1, "Ilse", 9, "Published while the catalog's database was away.",
                    Instant.now());
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Response ready = given().get(
                        java.net.URI.create(TestHTTPResourceManager.getManagementUri()).resolve("/q/health/ready").toString());
                return ready.statusCode() == 503 && ready.body().asString().contains("waiting since");
            });
            for (String path : List.of("/films/" + filmId, "/films/" + filmId + "/reviews", "/films?q=outage")) {
                Response page = given().get(path);
                assertThat(page.statusCode()).as(path + ": " + page.body().asString()).isEqualTo(503);
                assertThat(page.contentType()).startsWith("application/problem+json");
                assertThat(page.header("Retry-After")).isNotBlank();
            }
        } finally {
            RealInfraTestResource.bringDatabaseBack();
        }

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/films/{id}/reviews", filmId).then().statusCode(200)
                        .body("items.id", org.hamcrest.Matchers.hasItem(review.toString())));
        try (EventTestClient kafka = new EventTestClient(RealInfraTestResource.bootstrapServers())) {
            List<ConsumerRecord<String, byte[]>> dead = kafka.read(Topics.deadLetter("catalog-service", Topics.REVIEW_DECIDED),
                    Duration.ofSeconds(3), records -> false);
            assertThat(dead).noneMatch(r -> review.toString().equals(EventTestClient.header(r, CloudEventHeaders.SUBJECT)));
        }
    }
}
