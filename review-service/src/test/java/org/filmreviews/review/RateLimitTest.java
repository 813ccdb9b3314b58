package org.filmreviews.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.filmreviews.events.Decision;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@TestProfile(RateLimitTest.ThreePerWindow.class)
class RateLimitTest {

    public static class ThreePerWindow implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("filmreviews.reviews.rate-limit.max", "3", "filmreviews.reviews.rate-limit.window", "10m",
                    "filmreviews.reports.rate-limit.max", "3", "filmreviews.reports.rate-limit.window", "10m");
        }
    }

    @Test
    void anAuthorBeyondTheLimitIsToldWhenToComeBack() {
        String author = Fixtures.newReviewer();
        String id = Fixtures.submit(author, Fixtures.filmKnownToTheReplica(), Map.of("body", "One."));
        Fixtures.submit(author, Fixtures.filmKnownToTheReplica(), Map.of("body", "Two."));
        given().header("Authorization", author).contentType(ContentType.JSON).body(Map.of("body", "Three, an edit."))
                .when().put("/reviews/{id}", id).then().statusCode(202);

        UUID fourth = Fixtures.filmKnownToTheReplica();
        ExtractableResponse<Response> limited = given().header("Authorization", author).contentType(ContentType.JSON)
                .body(Map.of("body", "Four.")).when().post("/films/{film}/reviews", fourth).then().extract();
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 601L);

        // Someone else is not held back by that author.
        Fixtures.submit(Fixtures.newReviewer(), fourth, Map.of("body", "Another author."));
    }

    @Test
    void aReaderBeyondTheReportLimitIsToldWhenToComeBackAndTheirReportIsNotCounted() {
        UUID film = Fixtures.filmKnownToTheReplica();
        List<String> reviews = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String author = Fixtures.newReviewer();
            String id = Fixtures.submit(author, film, Map.of("body", "Review number " + i + "."));
            Fixtures.decide(film, id, 1, Decision.PUBLISH, null);
            Fixtures.awaitStatus(author, id, "PUBLISHED");
            reviews.add(id);
        }
        String reader = Fixtures.newReviewer();
        report(reader, reviews.get(0), "spoiler").statusCode(200);
        report(reader, reviews.get(0), "spam").statusCode(200); // a change of one's report takes a place too
        report(reader, reviews.get(1), "spam").statusCode(200);

        ExtractableResponse<Response> limited = report(reader, reviews.get(2), "abuse").extract();
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 601L);
        // the same report again changes nothing, so it is not throttled
        report(reader, reviews.get(1), "spam").statusCode(200);

        // Nothing was counted for the refused report, and other readers are not held back.
        report(Fixtures.newReviewer(), reviews.get(2), "abuse").statusCode(200).body("abuse", equalTo(1));
    }

    private static ValidatableResponse report(String reader, String id, String reason) {
        return given().header("Authorization", reader).contentType(ContentType.JSON).body(Map.of("reason", reason))
                .when().put("/reviews/{id}/report", id).then();
    }
}
