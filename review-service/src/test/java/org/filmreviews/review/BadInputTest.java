package org.filmreviews.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.filmreviews.platform.paging.CursorCodec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

/**
 * Hostile and clumsy requests, one row each: every one gets the right 4xx as application/problem+json,
 * and nothing in the database changes.
 */
@QuarkusTest
class BadInputTest {

    /** Who calls: a header value, or a word resolved in {@link #authorization(String)}. */
    record Case(String name, String method, String path, String auth, String contentType, String body,
            Map<String, String> headers, int status, String field) {

        @Override
        public String toString() {
            return name;
        }
    }

    static UUID film;
    static String aliceReview;
    static String alice;
    static String fresh;
    static String aliceId;

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void once() {
        if (film != null) {
            return;
        }
        film = Fixtures.filmKnownToTheReplica();
        alice = Fixtures.newReviewer();
        fresh = Fixtures.newReviewer();
        aliceReview = Fixtures.submit(alice, film, Map.of("rating", 7, "body", "The review others try to break."));
        aliceId = given().header("Authorization", alice).get("/me").then().extract().path("id");
    }

    static Stream<Case> cases() {
        String reviews = "/films/{film}/reviews";
        String review = "/reviews/{review}";
        List<Case> cases = new ArrayList<>();
        // A reviewer with no review of the film yet: a valid request would be stored.
        cases.add(post("malformed JSON", reviews, "{\"body\": ", 400, null));
        cases.add(post("JSON array", reviews, "[1, 2]", 400, null));
        cases.add(post("JSON string", reviews, "\"just text\"", 400, null));
        cases.add(post("empty body", reviews, "", 400, null));
        cases.add(post("JSON null", reviews, "null", 400, null));
        cases.add(post("trailing garbage", reviews, "{\"body\": \"fine\"} and more", 400, null));
        cases.add(post("no body field", reviews, "{}", 400, "body"));
        cases.add(post("empty text", reviews, "{\"body\": \"\"}", 400, "body"));
        cases.add(post("blank text", reviews, "{\"body\": \"   \\n\\t \"}", 400, "body"));
        cases.add(post("only control characters", reviews, "{\"body\": \"\\u0000\\u0007\\u001b\"}", 400, "body"));
        cases.add(post("10,001 characters", reviews, "{\"body\": \"" + "x".repeat(10_001) + "\"}", 400, "body"));
        cases.add(post("twelve megabytes", reviews, "{\"body\": \"" + "y".repeat(12_000_000) + "\"}", 413, null));
        cases.add(post("65 KiB of valid JSON", reviews, "{\"body\": \"" + "y".repeat(65 * 1024) + "\"}", 413, null));
        cases.add(post("unknown field", reviews, "{\"body\": \"Fine film.\", \"ratng\": 7}", 400, "ratng"));
        cases.add(post("a field the client may not set", reviews, "{\"body\": \"Fine film.\", \"status\": \"PUBLISHED\"}", 400,
                "status"));
        cases.add(post("the same field twice", reviews, "{\"body\": \"Fine film.\", \"body\": \"Other text.\"}", 400, null));
        cases.add(post("nested 5,000 deep", reviews, "{\"body\": " + "[".repeat(5000) + "]".repeat(5000) + "}", 400, null));
        cases.add(post("rating 1e400", reviews, "{\"body\": \"x\", \"rating\": 1e400}", 400, "rating"));
        cases.add(post("body is an object", reviews, "{\"body\": {\"text\": \"x\"}}", 400, "body"));
        cases.add(post("body is a number", reviews, "{\"body\": 42}", 400, "body"));
        cases.add(post("rating 0", reviews, "{\"body\": \"x\", \"rating\": 0}", 400, "rating"));
        cases.add(post("rating 11", reviews, "{\"body\": \"x\", \"rating\": 11}", 400, "rating"));
        cases.add(post("rating -1", reviews, "{\"body\": \"x\", \"rating\": -1}", 400, "rating"));
        cases.add(post("rating \"ten\"", reviews, "{\"body\": \"x\", \"rating\": \"ten\"}", 400, "rating"));
        cases.add(post("rating \"7\"", reviews, "{\"body\": \"x\", \"rating\": \"7\"}", 400, "rating"));
        cases.add(post("rating 7.5", reviews, "{\"body\": \"x\", \"rating\": 7.5}", 400, "rating"));
        cases.add(post("rating true", reviews, "{\"body\": \"x\", \"rating\": true}", 400, "rating"));
        cases.add(post("rating huge", reviews, "{\"body\": \"x\", \"rating\": 99999999999999999999}", 400, "rating"));
        cases.add(post("headline 201 characters", reviews, "{\"body\": \"x\", \"headline\": \"" + "h".repeat(201) + "\"}", 400,
                "headline"));
        cases.add(post("headline is a number", reviews, "{\"body\": \"x\", \"headline\": 5}", 400, "headline"));
        cases.add(post("spoiler \"yes\"", reviews, "{\"body\": \"x\", \"spoiler\": \"yes\"}", 400, "spoiler"));
        cases.add(post("spoiler 1", reviews, "{\"body\": \"x\", \"spoiler\": 1}", 400, "spoiler"));
        cases.add(new Case("unknown film", "POST", "/films/" + UUID.randomUUID() + "/reviews", "fresh", "application/json",
                "{\"body\": \"x\"}", Map.of(), 404, null));
        cases.add(new Case("film id is not a UUID", "POST", "/films/not-a-film/reviews", "fresh", "application/json",
                "{\"body\": \"x\"}", Map.of(), 404, null));
        cases.add(new Case("no credentials", "POST", reviews, "none", "application/json", "{\"body\": \"x\"}", Map.of(), 401,
                null));
        cases.add(new Case("not a token", "POST", reviews, "Bearer nonsense", "application/json", "{\"body\": \"x\"}", Map.of(),
                401, null));
        cases.add(new Case("forged signature", "POST", reviews, "forged", "application/json", "{\"body\": \"x\"}", Map.of(),
                401, null));
        cases.add(new Case("an admin token for another application", "GET", "/admin/dead-letters", "other audience", null, null,
                Map.of(), 401, null));
        cases.add(new Case("expired token", "POST", reviews, "expired", "application/json", "{\"body\": \"x\"}", Map.of(), 401,
                null));
        cases.add(new Case("moderator is not a reviewer", "POST", reviews, "mia", "application/json", "{\"body\": \"x\"}",
                Map.of(), 403, null));
        cases.add(new Case("admin is not a reviewer", "POST", reviews, "admin", "application/json", "{\"body\": \"x\"}",
                Map.of(), 403, null));
        cases.add(new Case("text/plain", "POST", reviews, "fresh", "text/plain", "body=x", Map.of(), 415, null));
        cases.add(new Case("application/xml", "POST", reviews, "fresh", "application/xml", "<review><body>x</body></review>",
                Map.of(), 415, null));
        cases.add(new Case("Idempotency-Key too long", "POST", reviews, "fresh", "application/json", "{\"body\": \"x\"}",
                Map.of("Idempotency-Key", "k".repeat(300)), 400, "Idempotency-Key"));
        cases.add(new Case("second review of the film", "POST", reviews, "alice", "application/json", "{\"body\": \"again\"}",
                Map.of(), 409, null));
        // Someone else's review, or a review that does not exist
        cases.add(new Case("edit another author's review", "PUT", review, "fresh", "application/json",
                "{\"body\": \"mine now\"}", Map.of(), 403, null));
        cases.add(new Case("edit with rating 11", "PUT", review, "alice", "application/json",
                "{\"body\": \"x\", \"rating\": 11}", Map.of(), 400, "rating"));
        cases.add(new Case("If-Match not a version", "PUT", review, "alice", "application/json", "{\"body\": \"x\"}",
                Map.of("If-Match", "yesterday"), 400, "If-Match"));
        cases.add(new Case("If-Match of another version", "PUT", review, "alice", "application/json", "{\"body\": \"x\"}",
                Map.of("If-Match", "\"99\""), 412, null));
        cases.add(new Case("edit an unknown review", "PUT", "/reviews/" + UUID.randomUUID(), "alice", "application/json",
                "{\"body\": \"x\"}", Map.of(), 404, null));
        cases.add(new Case("withdraw another author's review", "DELETE", review, "fresh", null, null, Map.of(), 403, null));
        cases.add(new Case("withdraw an unknown review", "DELETE", "/reviews/" + UUID.randomUUID(), "alice", null, null,
                Map.of(), 404, null));
        cases.add(new Case("withdraw without credentials", "DELETE", review, "none", null, null, Map.of(), 401, null));
        cases.add(new Case("vote on an unpublished review", "PUT", review + "/vote", "fresh", "application/json",
                "{\"helpful\": true}", Map.of(), 404, null));
        cases.add(new Case("vote \"yes\"", "PUT", review + "/vote", "fresh", "application/json", "{\"helpful\": \"yes\"}",
                Map.of(), 400, "helpful"));
        cases.add(new Case("vote without a value", "PUT", review + "/vote", "fresh", "application/json", "{}", Map.of(), 400,
                "helpful"));
        cases.add(new Case("report an unknown reason", "PUT", review + "/report", "fresh", "application/json",
                "{\"reason\": \"boring\"}", Map.of(), 400, "reason"));
        cases.add(new Case("report without a reason", "PUT", review + "/report", "fresh", "application/json",
                "{\"note\": \"Something is wrong.\"}", Map.of(), 400, "reason"));
        cases.add(new Case("report note of 501 characters", "PUT", review + "/report", "fresh", "application/json",
                "{\"reason\": \"spam\", \"note\": \"" + "n".repeat(501) + "\"}", Map.of(), 400, "note"));
        cases.add(new Case("report an unpublished review", "PUT", review + "/report", "fresh", "application/json",
                "{\"reason\": \"spam\"}", Map.of(), 404, null));
        cases.add(new Case("report without credentials", "PUT", review + "/report", "none", "application/json",
                "{\"reason\": \"spam\"}", Map.of(), 401, null));
        cases.add(new Case("appeal a review that was not rejected", "POST", review + "/appeal", "alice", "application/json",
                "{}", Map.of(), 409, null));
        cases.add(new Case("appeal another author's review", "POST", review + "/appeal", "fresh", "application/json", "{}",
                Map.of(), 403, null));
        cases.add(new Case("appeal of 2,001 characters", "POST", review + "/appeal", "alice", "application/json",
                "{\"message\": \"" + "m".repeat(2001) + "\"}", Map.of(), 400, "message"));
        // Accounts and tokens
        cases.add(new Case("user name with a space", "POST", "/accounts", "none", "application/json",
                "{\"username\": \"a b\", \"displayName\": \"A\", \"password\": \"long enough\"}", Map.of(), 400, "username"));
        cases.add(new Case("user name of two letters", "POST", "/accounts", "none", "application/json",
                "{\"username\": \"ab\", \"displayName\": \"A\", \"password\": \"long enough\"}", Map.of(), 400, "username"));
        cases.add(new Case("password of seven characters", "POST", "/accounts", "none", "application/json",
                "{\"username\": \"shortpw\", \"displayName\": \"A\", \"password\": \"1234567\"}", Map.of(), 400, "password"));
        cases.add(new Case("display name with a control character", "POST", "/accounts", "none", "application/json",
                "{\"username\": \"ctrlname\", \"displayName\": \"A\\u0007B\", \"password\": \"long enough\"}", Map.of(), 400,
                "displayName"));
        cases.add(new Case("user name taken in other case", "POST", "/accounts", "none", "application/json",
                "{\"username\": \"ALICE\", \"displayName\": \"A\", \"password\": \"long enough\"}", Map.of(), 409, null));
        cases.add(new Case("sign-up with an unknown field", "POST", "/accounts", "none", "application/json",
                "{\"username\": \"withrole\", \"displayName\": \"A\", \"password\": \"long enough\", \"roles\": [\"admin\"]}",
                Map.of(), 400, "roles"));
        cases.add(new Case("token request with an unknown field", "POST", "/auth/token", "none", "application/json",
                "{\"username\": \"alice\", \"password\": \"alice\", \"scope\": \"admin\"}", Map.of(), 400, "scope"));
        cases.add(new Case("wrong password", "POST", "/auth/token", "none", "application/json",
                "{\"username\": \"alice\", \"password\": \"wrong\"}", Map.of(), 401, null));
        cases.add(new Case("token request without password", "POST", "/auth/token", "none", "application/json",
                "{\"username\": \"alice\"}", Map.of(), 400, "password"));
        // Reading
        cases.add(new Case("review id is not a UUID", "GET", "/reviews/42", "alice", null, null, Map.of(), 404, null));
        cases.add(new Case("my reviews without credentials", "GET", "/me/reviews", "none", null, null, Map.of(), 401, null));
        cases.add(new Case("my reviews, limit 0", "GET", "/me/reviews?limit=0", "alice", null, null, Map.of(), 400, null));
        cases.add(
                new Case("my reviews, limit 1000", "GET", "/me/reviews?limit=1000", "alice", null, null, Map.of(), 400, null));
        cases.add(new Case("my reviews, forged cursor", "GET", "/me/reviews?cursor=abc", "alice", null, null, Map.of(), 400,
                "cursor"));
        cases.add(new Case("my reviews, cursor in the year 11,476", "GET",
                "/me/reviews?cursor=" + CursorCodec.encode("300000000000:0:" + UUID.randomUUID()),
                "alice", null, null, Map.of(), 400, "cursor"));
        cases.add(new Case("my reviews, cursor with a huge nanosecond field", "GET", "/me/reviews?cursor="
                + CursorCodec.encode("1700000000:9223372036854775807:" + UUID.randomUUID()), "alice", null, null, Map.of(), 400,
                "cursor"));
        cases.add(
                new Case("my reviews, limit abc", "GET", "/me/reviews?limit=abc", "alice", null, null, Map.of(), 400, "limit"));
        cases.add(new Case("a film's reviews, limit 1e3", "GET", reviews + "?limit=1e3", "mia", null, null, Map.of(), 400,
                "limit"));
        cases.add(new Case("a film's reviews, cursor in year 294,277", "GET",
                reviews + "?cursor=" + CursorCodec.encode("9224318016000:0:" + UUID.randomUUID()),
                "mia", null, null, Map.of(), 400, "cursor"));
        cases.add(new Case("path traversal", "GET", "/reviews/..%2F..%2F..%2Fetc%2Fpasswd", "alice", null, null, Map.of(), 404,
                null));
        cases.add(new Case("an address of 10,000 characters", "GET", "/me/reviews?q=" + "a".repeat(10_000), "alice", null, null,
                Map.of(), 414, null));
        cases.add(new Case("a header of 20,000 characters", "GET", "/me", "alice", null, null,
                Map.of("X-Padding", "p".repeat(20_000)), 431, null));
        cases.add(new Case("a film's reviews as a reviewer", "GET", reviews, "alice", null, null, Map.of(), 403, null));
        cases.add(new Case("unknown address", "GET", "/no/such/thing", "alice", null, null, Map.of(), 404, null));
        cases.add(new Case("PATCH a review", "PATCH", review, "alice", "application/json", "{\"body\": \"x\"}", Map.of(), 405,
                null));
        return cases.stream();
    }

    private static Case post(String name, String path, String body, int status, String field) {
        return new Case(name, "POST", path, "fresh", "application/json", body, Map.of(), status, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isAProblemAndChangesNothing(Case c) {
        Map<String, Object> before = snapshot();

        RequestSpecification request = given().urlEncodingEnabled(false);
        String authorization = authorization(c.auth());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        c.headers().forEach(request::header);
        if (c.contentType() != null) {
            request.contentType(c.contentType());
        }
        if (c.body() != null) {
            request.body(c.body());
        }
        String path = c.path().replace("{film}", film.toString()).replace("{review}", aliceReview);
        ExtractableResponse<Response> response = request.request(c.method(), path).then().extract();

        assertThat(response.statusCode()).as(c.name() + ": " + response.asString()).isEqualTo(c.status());
        assertThat(response.contentType()).as(c.name()).startsWith("application/problem+json");
        assertThat(response.<Integer>path("status")).as(c.name()).isEqualTo(c.status());
        assertThat(response.<String>path("title")).as(c.name()).isNotBlank();
        if (c.field() != null) {
            assertThat(response.<List<String>>path("errors.field")).as(c.name()).contains(c.field());
        }
        assertThat(snapshot()).as(c.name() + ": the database changed").isEqualTo(before);
    }

    private String authorization(String who) {
        return switch (who) {
            case "none" -> null;
            case "fresh" -> fresh;
            case "alice" -> alice;
            case "mia", "admin" -> Fixtures.bearer(who);
            case "forged" -> {
                String[] parts = alice.substring("Bearer ".length()).split("\\.");
                yield "Bearer " + parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
            }
            case "other audience" -> org.filmreviews.devinfra.test.TestTokens.foreignBearer("admin", "admin");
            case "expired" ->
                "Bearer " + Jwt.issuer("urn:filmreviews:review-service").audience("filmreviews").subject(aliceId).upn("alice")
                        .groups(Set.of("reviewer")).issuedAt(Instant.now().minusSeconds(7200))
                        .expiresAt(Instant.now().minusSeconds(3600)).sign();
            default -> who;
        };
    }

    /** Row counts of every table a request could write, and the state of the review under attack. */
    private Map<String, Object> snapshot() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Object> counts = new java.util.TreeMap<>();
            for (String table : List.of("account", "review", "review_vote", "review_report", "outbox_event", "account_activity",
                    "idempotency_key")) {
                counts.put(table, ((Number) entityManager.createNativeQuery("SELECT count(*) FROM " + table).getSingleResult())
                        .longValue());
            }
            Object[] row = (Object[]) entityManager.createNativeQuery("SELECT version, body, status FROM review WHERE id = :id")
                    .setParameter("id", UUID.fromString(aliceReview)).getSingleResult();
            counts.put("review under attack", List.of(row));
            return counts;
        });
    }
}
