package org.filmreviews.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import org.filmreviews.review.repository.ReviewRepository;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;

@QuarkusTest
class IdempotencyTest {

    @Inject
    ReviewRepository reviews;

    private long reviewsOf(UUID film) {
        return QuarkusTransaction.requiringNew().call(() -> reviews.count("filmId", film));
    }

    private static ExtractableResponse<Response> post(String author, UUID film, String key, Map<String, Object> body) {
        return given().header("Authorization", author).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/films/{film}/reviews", film).then().extract();
    }

    @Test
    void aRepeatedKeyReturnsTheFirstResponseAndCreatesNothingNew() {
        UUID film = Fixtures.filmKnownToTheReplica();
        String author = Fixtures.newReviewer();
        String key = UUID.randomUUID().toString();
        Map<String, Object> review = Map.of("rating", 7, "body", "Posted once, sent twice.");

        ExtractableResponse<Response> first = post(author, film, key, review);
        ExtractableResponse<Response> again = post(author, film, key, review);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.<String>path("id")).isEqualTo(first.path("id"));
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(reviewsOf(film)).isEqualTo(1);
    }

    @Test
    void theSameKeyForAnotherRequestIsRefused() {
        UUID film = Fixtures.filmKnownToTheReplica();
        String author = Fixtures.newReviewer();
        String key = UUID.randomUUID().toString();
        post(author, film, key, Map.of("body", "The first request."));
        ExtractableResponse<Response> other = post(author, film, key, Map.of("body", "A different request."));
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(reviewsOf(film)).isEqualTo(1);
    }

    @Test
    void aRepeatedFailureIsRepeatedToo() {
        UUID film = Fixtures.filmKnownToTheReplica();
        String author = Fixtures.newReviewer();
        Fixtures.submit(author, film, Map.of("body", "Already reviewed."));
        String key = UUID.randomUUID().toString();
        assertThat(post(author, film, key, Map.of("body", "Second review.")).statusCode()).isEqualTo(409);
        ExtractableResponse<Response> again = post(author, film, key, Map.of("body", "Second review."));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.contentType()).startsWith("application/problem+json");
    }

    @Test
    void keysBelongToTheirCallerAndWorkOnPut() {
        UUID film = Fixtures.filmKnownToTheReplica();
        String alice = Fixtures.newReviewer();
        String bob = Fixtures.newReviewer();
        String key = "shared-key-" + UUID.randomUUID();
        assertThat(post(alice, film, key, Map.of("body", "Alice's.")).statusCode()).isEqualTo(202);
        assertThat(post(bob, film, key, Map.of("body", "Bob's.")).statusCode()).isEqualTo(202);
        assertThat(reviewsOf(film)).isEqualTo(2);

        String putKey = UUID.randomUUID().toString();
        String ownReview = Fixtures.submit(alice, Fixtures.filmKnownToTheReplica(), Map.of("body", "v1"));
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", alice).header("Idempotency-Key", putKey).contentType(ContentType.JSON)
                    .body(Map.of("body", "v2")).when().put("/reviews/{id}", ownReview)
                    .then().statusCode(202).body("version", equalTo(2));
        }
        given().header("Authorization", alice).get("/reviews/{id}", ownReview).then().body("version", equalTo(2));
    }
}
