package org.filmreviews.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.filmreviews.platform.idempotency.IdempotentRequests;
import org.filmreviews.review.repository.ReviewRepository;
import org.filmreviews.review.service.account.AccountService;
import org.filmreviews.review.service.review.ReviewDraft;
import org.filmreviews.review.service.review.ReviewService;
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

    @Inject
    ReviewService reviewService;

    @Inject
    AccountService accounts;

    @Inject
    IdempotentRequests idempotency;

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
    void anErrorIsNotKeptSoARetryAfterTheCauseIsGoneDoesTheWork() {
        UUID film = Fixtures.filmKnownToTheReplica();
        String author = Fixtures.newReviewer();
        String first = Fixtures.submit(author, film, Map.of("body", "Already reviewed."));
        String key = UUID.randomUUID().toString();
        assertThat(post(author, film, key, Map.of("body", "Second review.")).statusCode()).isEqualTo(409);
        ExtractableResponse<Response> again = post(author, film, key, Map.of("body", "Second review."));
        assertThat(again.statusCode()).as("still a conflict, found anew rather than replayed").isEqualTo(409);
        assertThat(again.header("Idempotent-Replayed")).isNull();
        assertThat(again.contentType()).startsWith("application/problem+json");

        given().header("Authorization", author).when().delete("/reviews/{id}", first).then().statusCode(204);
        ExtractableResponse<Response> afterWithdrawal = post(author, film, key, Map.of("body", "Second review."));
        assertThat(afterWithdrawal.statusCode()).as("the conflict is gone, so the retry writes the review").isEqualTo(202);
        assertThat(post(author, film, key, Map.of("body", "Second review.")).header("Idempotent-Replayed")).isEqualTo("true");
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

    /** An entity the response mapper cannot write: keeping the answer fails after the work was done. */
    public static class Unwritable {
        public String getId() {
            throw new IllegalStateException("cannot be written");
        }
    }

    @Test
    void whenTheAnswerCannotBeKeptTheWorkIsUndoneTooAndTheRetryDoesItOnce() {
        UUID film = Fixtures.filmKnownToTheReplica();
        UUID author = accounts.signUp("i-" + UUID.randomUUID().toString().substring(0, 8), "Idem", "long enough").id;
        String key = UUID.randomUUID().toString();
        String request = "POST /films/" + film + "/reviews {body}";
        ReviewDraft draft = new ReviewDraft(7, null, "Written once, whatever happens.", false);

        assertThatThrownBy(() -> idempotency.respond(key, author.toString(), request, () -> {
            reviewService.submit(author, film, draft);
            return jakarta.ws.rs.core.Response.accepted(new Unwritable()).build();
        })).isInstanceOf(RuntimeException.class);
        assertThat(reviewsOf(film)).as("the review and the key commit together or not at all").isZero();

        jakarta.ws.rs.core.Response retry = idempotency.respond(key, author.toString(), request,
                () -> jakarta.ws.rs.core.Response
                        .accepted(Map.of("id", reviewService.submit(author, film, draft).id.toString())).build());
        assertThat(retry.getStatus()).isEqualTo(202);
        jakarta.ws.rs.core.Response replay = idempotency.respond(key, author.toString(), request,
                () -> jakarta.ws.rs.core.Response
                        .accepted(Map.of("id", reviewService.submit(author, film, draft).id.toString())).build());
        assertThat(replay.getHeaderString("Idempotent-Replayed")).isEqualTo("true");
        assertThat(reviewsOf(film)).isEqualTo(1);
    }

    @Test
    void aRetryWhileTheFirstRequestStillRunsWaitsForItAndGetsItsAnswer() throws Exception {
        UUID film = Fixtures.filmKnownToTheReplica();
        UUID author = accounts.signUp("j-" + UUID.randomUUID().toString().substring(0, 8), "Idem", "long enough").id;
        String key = UUID.randomUUID().toString();
        String request = "POST /films/" + film + "/reviews {body}";
        ReviewDraft draft = new ReviewDraft(7, null, "Sent twice at once.", false);
        CountDownLatch working = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);

        CompletableFuture<jakarta.ws.rs.core.Response> first = CompletableFuture
                .supplyAsync(() -> idempotency.respond(key, author.toString(), request, () -> {
                    String id = reviewService.submit(author, film, draft).id.toString();
                    working.countDown();
                    await(finish);
                    return jakarta.ws.rs.core.Response.accepted(Map.of("id", id)).build();
                }));
        assertThat(working.await(20, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<jakarta.ws.rs.core.Response> retry = CompletableFuture
                .supplyAsync(() -> idempotency.respond(key, author.toString(), request,
                        () -> jakarta.ws.rs.core.Response
                                .accepted(Map.of("id", reviewService.submit(author, film, draft).id.toString()))
                                .build()));
        Thread.sleep(300);
        assertThat(retry).as("the retry waits for the first request").isNotDone();
        finish.countDown();

        assertThat(first.get(20, TimeUnit.SECONDS).getStatus()).isEqualTo(202);
        jakarta.ws.rs.core.Response second = retry.get(20, TimeUnit.SECONDS);
        assertThat(second.getStatus()).isEqualTo(202);
        assertThat(second.getHeaderString("Idempotent-Replayed")).isEqualTo("true");
        assertThat(reviewsOf(film)).isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
