package org.filmreviews.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
@TestProfile(RateLimitTest.ThreePerWindow.class)
class RateLimitTest {

    public static class ThreePerWindow implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("filmreviews.reviews.rate-limit.max", "3", "filmreviews.reviews.rate-limit.window", "10m");
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
}
