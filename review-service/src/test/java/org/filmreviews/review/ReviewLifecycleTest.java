package org.filmreviews.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.filmreviews.events.Decision;
import org.filmreviews.events.EventCodec;
import org.filmreviews.events.ReviewSubmitted;
import org.filmreviews.events.ReviewWithdrawn;
import org.filmreviews.events.Topics;
import org.filmreviews.platform.outbox.OutboxEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Write, edit, withdraw: the reviewer's life cycle, through HTTP, the outbox and the real broker. */
@QuarkusTest
class ReviewLifecycleTest {

    @Inject
    EntityManager entityManager;

    private UUID film;
    private String author;

    @BeforeEach
    void setUp() {
        film = Fixtures.filmKnownToTheReplica();
        author = Fixtures.newReviewer();
    }

    @Test
    void oneReviewPerAuthorAndFilmTheSecondPostPointsToTheFirst() {
        String first = Fixtures.submit(author, film, Map.of("body", "My first take."));
        given().header("Authorization", author).contentType(ContentType.JSON).body(Map.of("body", "A second take."))
                .when().post("/films/{film}/reviews", film)
                .then().statusCode(409).contentType("application/problem+json")
                .header("Location", endsWith("/reviews/" + first));
    }

    @Test
    void anEditWhileTheFirstVersionIsInModerationIsDecidedOnItsOwn() {
        String id = Fixtures.submit(author, film, Map.of("rating", 6, "body", "First version."));
        given().header("Authorization", author).contentType(ContentType.JSON)
                .body(Map.of("rating", 8, "body", "Second version, after a second viewing."))
                .when().put("/reviews/{id}", id)
                .then().statusCode(202).body("version", equalTo(2)).body("status", equalTo("SUBMITTED"))
                .header("ETag", "\"2\"");

        List<ConsumerRecord<String, byte[]>> submitted = Fixtures.eventsAbout(Topics.REVIEW_SUBMITTED, id, 2);
        assertThat(submitted).extracting(r -> EventCodec.decode(ReviewSubmitted.class, r.value()).version()).containsExactly(1L,
                2L);
        assertThat(EventCodec.decode(ReviewSubmitted.class, submitted.get(1).value()).body())
                .isEqualTo("Second version, after a second viewing.");

        // The decision about version 1 arrives late: it is about a version that no longer counts.
        Fixtures.decide(film, id, 1, Decision.REJECT, null);
        String marker = Fixtures.submit(Fixtures.newReviewer(), film, Map.of("body", "Marker."));
        Fixtures.decide(film, marker, 1, Decision.PUBLISH, null);
        Fixtures.awaitStatus(author, marker, "PUBLISHED");
        assertThat(Fixtures.status(author, id)).isEqualTo("SUBMITTED");

        Fixtures.decide(film, id, 2, Decision.PUBLISH, null);
        Fixtures.awaitStatus(author, id, "PUBLISHED");
        given().get("/reviews/{id}", id).then().body("rating", equalTo(8)).body("version", equalTo(2));
    }

    @Test
    void anEditOfAnOutdatedVersionFailsItsPrecondition() {
        String id = Fixtures.submit(author, film, Map.of("body", "Version one."));
        given().header("Authorization", author).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(Map.of("body", "Version two."))
                .when().put("/reviews/{id}", id).then().statusCode(202);
        given().header("Authorization", author).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(Map.of("body", "Lost update."))
                .when().put("/reviews/{id}", id)
                .then().statusCode(412).contentType("application/problem+json").header("ETag", "\"2\"");
        given().header("Authorization", author).get("/reviews/{id}", id).then().body("body", equalTo("Version two."));
    }

    @Test
    void aWithdrawnReviewLeavesAnEventAndFreesThePlace() {
        String id = Fixtures.submit(author, film, Map.of("body", "I changed my mind about this."));
        given().header("Authorization", author).when().delete("/reviews/{id}", id).then().statusCode(204);
        given().header("Authorization", author).when().delete("/reviews/{id}", id).then().statusCode(204);
        given().header("Authorization", author).get("/reviews/{id}", id)
                .then().statusCode(200).body("status", equalTo("WITHDRAWN")).body("version", equalTo(2));

        List<ConsumerRecord<String, byte[]>> withdrawn = Fixtures.eventsAbout(Topics.REVIEW_WITHDRAWN, id, 1);
        assertThat(withdrawn).hasSize(1);
        ReviewWithdrawn event = EventCodec.decode(ReviewWithdrawn.class, withdrawn.get(0).value());
        assertThat(event.version()).isEqualTo(2);
        assertThat(withdrawn.get(0).key()).isEqualTo(film.toString());

        given().header("Authorization", author).contentType(ContentType.JSON).body(Map.of("body", "Edit after withdrawal."))
                .when().put("/reviews/{id}", id).then().statusCode(409).contentType("application/problem+json");
        Fixtures.submit(author, film, Map.of("body", "A fresh review after withdrawing the old one."));
    }

    @Test
    void aWithdrawnReviewsWordsAreErasedFromItsRowItsSentEventsAndItsStoredReplies() {
        String words = "Erase me " + UUID.randomUUID();
        String id = given().header("Authorization", author).header("Idempotency-Key", "erasure-" + words.hashCode())
                .contentType(ContentType.JSON).body(Map.of("headline", words, "body", words))
                .when().post("/films/{film}/reviews", film)
                .then().statusCode(202).extract().path("id");
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> OutboxEvent.count("subject = ?1 and sentAt is not null", id)) == 1);
        assertThat(rowsSaying(words)).as("before the withdrawal")
                .isEqualTo(Map.of("review", 1L, "outbox_event", 1L, "idempotency_key", 1L));

        given().header("Authorization", author).when().delete("/reviews/{id}", id).then().statusCode(204);

        assertThat(rowsSaying(words)).isEqualTo(Map.of("review", 0L, "outbox_event", 0L, "idempotency_key", 0L));
        given().header("Authorization", author).get("/reviews/{id}", id)
                .then().statusCode(200).body("status", equalTo("WITHDRAWN")).body("body", equalTo(""))
                .body("headline", nullValue());
        // The same request again still gets the first answer (accepted, and where), only without the words.
        given().header("Authorization", author).header("Idempotency-Key", "erasure-" + words.hashCode())
                .contentType(ContentType.JSON).body(Map.of("headline", words, "body", words))
                .when().post("/films/{film}/reviews", film)
                .then().statusCode(202).header("Idempotent-Replayed", "true").header("Location", endsWith("/reviews/" + id))
                .body(not(containsString(words)));
    }

    private Map<String, Long> rowsSaying(String words) {
        return QuarkusTransaction.requiringNew().call(() -> countRowsSaying(words));
    }

    private Map<String, Long> countRowsSaying(String words) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String[] table : new String[][]{{"review", "headline || ' ' || body"}, {"outbox_event", "payload"},
                {"idempotency_key", "body"}}) {
            Number count = (Number) entityManager
                    .createNativeQuery("SELECT count(*) FROM " + table[0] + " WHERE " + table[1] + " LIKE ?1")
                    .setParameter(1, "%" + words + "%").getSingleResult();
            counts.put(table[0], count.longValue());
        }
        return counts;
    }

    @Test
    void onlyTheAuthorChangesAReview() {
        String id = Fixtures.submit(author, film, Map.of("body", "Mine."));
        String other = Fixtures.newReviewer();
        given().header("Authorization", other).contentType(ContentType.JSON).body(Map.of("body", "Hijacked."))
                .when().put("/reviews/{id}", id).then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", other).when().delete("/reviews/{id}", id).then().statusCode(403);
        given().header("Authorization", author).get("/reviews/{id}", id).then().body("body", equalTo("Mine.")).body("status",
                equalTo("SUBMITTED"));
    }

    @Test
    void authorsListTheirReviewsAndSupportListsAFilmsReviewsByAuthor() {
        UUID secondFilm = Fixtures.filmKnownToTheReplica();
        String older = Fixtures.submit(author, film, Map.of("body", "Older."));
        String newer = Fixtures.submit(author, secondFilm, Map.of("body", "Newer."));
        Fixtures.decide(film, older, 1, Decision.REJECT, null);
        Fixtures.awaitStatus(author, older, "REJECTED");

        String next = given().header("Authorization", author).queryParam("limit", 1).get("/me/reviews")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(newer))
                .extract().path("next");
        given().header("Authorization", author).get(next)
                .then().statusCode(200).body("items[0].id", equalTo(older))
                .body("items[0].status", equalTo("REJECTED"))
                .body("items[0].reasons[0].message", equalTo("Decided by a test."))
                .body("next", equalTo(null));

        String username = given().header("Authorization", author).get("/me").then().extract().path("username");
        given().header("Authorization", Fixtures.bearer("mia")).queryParam("author", username)
                .get("/films/{film}/reviews", film)
                .then().statusCode(200).body("items.id", org.hamcrest.Matchers.contains(older));
        given().header("Authorization", author).get("/films/{film}/reviews", film)
                .then().statusCode(403).contentType("application/problem+json");
    }
}
