package org.filmreviews.moderation.decision;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.filmreviews.moderation.Fixtures.HELD_LINK;
import static org.filmreviews.moderation.Fixtures.moderator;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.filmreviews.devinfra.test.EventTestClient;
import org.filmreviews.devinfra.test.RealInfraTestResource;
import org.filmreviews.events.Decision;
import org.filmreviews.events.ReviewDecided;
import org.filmreviews.moderation.Fixtures;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** A moderator's retried decision (a flaky connection) answers like the first and decides once. */
@QuarkusTest
class IdempotentDecisionTest {

    @Test
    void aRepeatedKeyAnswersTheFirstDecisionAndPublishesOne() {
        try (EventTestClient kafka = new EventTestClient(RealInfraTestResource.bootstrapServers())) {
            UUID film = UUID.randomUUID();
            UUID id = Fixtures.submit(kafka, Fixtures.submission(film, "retrier", HELD_LINK)).reviewId();
            String key = UUID.randomUUID().toString();

            given().header("Authorization", moderator("mia")).post("/moderation/cases/{id}/claim", id).then().statusCode(200);
            ExtractableResponse<Response> first = decide(id, key);
            ExtractableResponse<Response> again = decide(id, key);

            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(again.<String>path("outcome")).isEqualTo(first.path("outcome")).isEqualTo("PUBLISH");

            // Without the key, deciding again is the usual conflict.
            assertThat(given().header("Authorization", moderator("mia")).contentType(ContentType.JSON)
                    .body(Map.of("decision", "APPROVE")).post("/moderation/cases/{id}/decision", id).statusCode())
                    .isEqualTo(409);

            List<ReviewDecided> decisions = Fixtures.decisions(kafka, id, 2);
            assertThat(decisions).extracting(ReviewDecided::decision).containsExactly(Decision.HOLD, Decision.PUBLISH);
            assertThat(kafka.read("moderation.review-decided.v1", Duration.ofSeconds(3), read -> false).stream()
                    .filter(r -> id.toString().equals(EventTestClient.header(r, "ce_subject"))).count()).isEqualTo(2);
        }
    }

    private static ExtractableResponse<Response> decide(UUID id, String key) {
        return given().header("Authorization", moderator("mia")).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("decision", "APPROVE")).post("/moderation/cases/{id}/decision", id).then().extract();
    }
}
