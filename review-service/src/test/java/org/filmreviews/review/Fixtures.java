package org.filmreviews.review;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.filmreviews.devinfra.test.EventTestClient;
import org.filmreviews.devinfra.test.RealInfraTestResource;
import org.filmreviews.events.FilmChanged;
import org.filmreviews.review.service.review.FilmReplica;

import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;

/** Test data made the way the running system makes it: films arrive as events, tokens from /auth/token. */
final class Fixtures {

    private Fixtures() {
    }

    /** Publishes a new film on catalog.film-changed.v1 and waits until the replica knows it. */
    static UUID filmKnownToTheReplica() {
        UUID film = UUID.randomUUID();
        try (EventTestClient kafka = new EventTestClient(RealInfraTestResource.bootstrapServers())) {
            kafka.publish(new FilmChanged(film, 1, "Film " + film, LocalDate.of(1987, 12, 13), "USA", "A synopsis.",
                    List.of(), false, Instant.now()), film.toString(), film.toString());
        }
        FilmReplica replica = Arc.container().instance(FilmReplica.class).get();
        await().atMost(Duration.ofSeconds(20)).until(() -> replica.knows(film));
        return film;
    }

    static String token(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .when().post("/auth/token")
                .then().statusCode(200).extract().path("access_token");
    }

    static String bearer(String username) {
        return "Bearer " + token(username, username);
    }

    /** A new reviewer account (sign-up through the API); returns its bearer header. */
    static String newReviewer() {
        String username = "r-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "displayName", "Reviewer " + username, "password", "long enough"))
                .when().post("/accounts").then().statusCode(201);
        return "Bearer " + token(username, "long enough");
    }

    /** Posts a review and returns its id. */
    static String submit(String bearer, UUID film, Map<String, Object> review) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON).body(review)
                .when().post("/films/{film}/reviews", film)
                .then().statusCode(202).extract().path("id");
    }

    /** Publishes moderation's decision about a version of a review, as moderation-service would. */
    static void decide(UUID film, String reviewId, long version, org.filmreviews.events.Decision decision, Boolean appeal) {
        try (EventTestClient kafka = new EventTestClient(RealInfraTestResource.bootstrapServers())) {
            kafka.publish(new org.filmreviews.events.ReviewDecided(UUID.fromString(reviewId), film, version, decision,
                    new org.filmreviews.events.Scores(0.1, 0.1),
                    List.of(new org.filmreviews.events.Reason("test." + decision.name().toLowerCase(), "Decided by a test.")),
                    decision.published() ? new org.filmreviews.events.PublishedReview("A", "a", null, null, "text", false,
                            List.of(), Instant.now()) : null,
                    "engine/test", Instant.now(), appeal), film.toString(), reviewId);
        }
    }

    /** The records of a topic about one review (by ce_subject), once at least {@code expected} have arrived. */
    static List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> eventsAbout(String topic, String reviewId,
            int expected) {
        try (EventTestClient kafka = new EventTestClient(RealInfraTestResource.bootstrapServers())) {
            java.util.function.Predicate<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> about = r -> reviewId
                    .equals(EventTestClient.header(r, org.filmreviews.events.CloudEventHeaders.SUBJECT));
            return kafka.read(topic, Duration.ofSeconds(20), read -> read.stream().filter(about).count() >= expected)
                    .stream().filter(about).toList();
        }
    }

    static String status(String bearer, String reviewId) {
        return given().header("Authorization", bearer).get("/reviews/{id}", reviewId).then().extract().path("status");
    }

    static void awaitStatus(String bearer, String reviewId, String status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> status.equals(status(bearer, reviewId)));
    }
}
