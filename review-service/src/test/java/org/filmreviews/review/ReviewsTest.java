package org.filmreviews.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.filmreviews.devinfra.test.EventTestClient;
import org.filmreviews.devinfra.test.RealInfraTestResource;
import org.filmreviews.events.CloudEventHeaders;
import org.filmreviews.events.Decision;
import org.filmreviews.events.EventCodec;
import org.filmreviews.events.Reason;
import org.filmreviews.events.ReviewDecided;
import org.filmreviews.events.ReviewSubmitted;
import org.filmreviews.events.Scores;
import org.filmreviews.events.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ReviewsTest {

    private EventTestClient kafka;
    private UUID film;

    @BeforeEach
    void setUp() {
        kafka = new EventTestClient(RealInfraTestResource.bootstrapServers());
        film = Fixtures.filmKnownToTheReplica();
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    /** Each review by a new reviewer: one review per author and film, and the rate limit, hold here too. */
    private String submit(String anyone, Map<String, Object> review) {
        return given().header("Authorization", Fixtures.newReviewer()).contentType(ContentType.JSON).body(review)
                .when().post("/films/{film}/reviews", film)
                .then().statusCode(202)
                .body("status", equalTo("SUBMITTED"))
                .extract().path("id");
    }

    @Test
    void theTraceOfTheRequestTravelsWithTheSubmissionWithItsStateAndBaggage() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e" + UUID.randomUUID().toString().substring(0, 4);
        String id = given().header("Authorization", Fixtures.newReviewer()).contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .header("tracestate", "filmreviews=reviews-test")
                .header("baggage", "test.case=trace-travels")
                .body(Map.of("rating", 7, "headline", "Traced", "body", "A quiet film about two friends and a long winter."))
                .when().post("/films/{film}/reviews", film)
                .then().statusCode(202).extract().path("id");

        List<ConsumerRecord<String, byte[]>> records = kafka.read(Topics.REVIEW_SUBMITTED, Duration.ofSeconds(20),
                read -> read.stream().anyMatch(r -> id.equals(EventTestClient.header(r, CloudEventHeaders.SUBJECT))));
        ConsumerRecord<String, byte[]> record = records.stream()
                .filter(r -> id.equals(EventTestClient.header(r, CloudEventHeaders.SUBJECT))).findFirst().orElseThrow();
        // The relay's producer span, in the request's trace: same trace id, a span id of its own.
        assertThat(EventTestClient.header(record, CloudEventHeaders.TRACEPARENT)).startsWith("00-" + traceId + "-")
                .doesNotContain("00f067aa0ba902b7");
        assertThat(EventTestClient.header(record, "tracestate")).isEqualTo("filmreviews=reviews-test");
        assertThat(EventTestClient.header(record, "baggage")).contains("test.case=trace-travels");
    }

    @Test
    void aSubmittedReviewTravelsThroughTheOutboxWithCloudEventsHeaders() {
        io.restassured.response.ExtractableResponse<io.restassured.response.Response> accepted = given()
                .header("Authorization", Fixtures.bearer("alice")).contentType(ContentType.JSON)
                .body(Map.of("rating", 8, "headline", "A time loop", "body", "Funny and sad at times.", "spoiler", false))
                .when().post("/films/{film}/reviews", film)
                .then().statusCode(202)
                .body("status", equalTo("SUBMITTED"))
                .body("version", equalTo(1))
                .extract();
        String id = accepted.path("id");
        assertThat(accepted.header("Location")).endsWith("/reviews/" + id);

        List<ConsumerRecord<String, byte[]>> records = kafka.read(Topics.REVIEW_SUBMITTED, Duration.ofSeconds(20),
                read -> read.stream().anyMatch(r -> id.equals(EventTestClient.header(r, CloudEventHeaders.SUBJECT))));
        ConsumerRecord<String, byte[]> record = records.stream()
                .filter(r -> id.equals(EventTestClient.header(r, CloudEventHeaders.SUBJECT))).findFirst().orElseThrow();
        assertThat(record.key()).isEqualTo(film.toString());
        assertThat(EventTestClient.header(record, CloudEventHeaders.TYPE)).isEqualTo("reviews.review.submitted.v1");
        assertThat(EventTestClient.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/review-service");
        assertThat(EventTestClient.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(EventTestClient.header(record, CloudEventHeaders.TIME)).isNotBlank();
        assertThat(EventTestClient.header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        String ceId = EventTestClient.header(record, CloudEventHeaders.ID);
        assertThat(UUID.fromString(ceId)).isNotNull();

        ReviewSubmitted event = EventCodec.decode(ReviewSubmitted.class, record.value());
        assertThat(event.reviewId()).hasToString(id);
        assertThat(event.filmId()).isEqualTo(film);
        assertThat(event.version()).isEqualTo(1);
        assertThat(event.author().username()).isEqualTo("alice");
        assertThat(event.author().displayName()).isEqualTo("Alice");
        assertThat(event.rating()).isEqualTo(8);
        assertThat(event.headline()).isEqualTo("A time loop");
        assertThat(event.body()).isEqualTo("Funny and sad at times.");
    }

    @Test
    void theAuthorSeesWhatModerationDecidedAndWhy() {
        String author = Fixtures.newReviewer();
        String published = submit("any", Map.of("body", "Strong and Moving!"));
        String rejected = Fixtures.submit(author, film, Map.of("body", "Watch Free for 30 Days"));
        publishDecision(published, 1, Decision.PUBLISH, new Reason("clean", "Nothing in this review breaks the rules."));
        publishDecision(rejected, 1, Decision.REJECT,
                new Reason("spam.promotion", "Advertises watching or streaming for free."));

        Fixtures.awaitStatus(author, rejected, "REJECTED");
        given().header("Authorization", author).get("/reviews/{id}", rejected)
                .then().statusCode(200)
                .body("reasons[0].code", equalTo("spam.promotion"))
                .body("reasons[0].message", equalTo("Advertises watching or streaming for free."));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "PUBLISHED".equals(given().get("/reviews/{id}", published).path("status")));

        // A rejected review is the author's (and moderators') business only.
        given().header("Authorization", Fixtures.newReviewer()).get("/reviews/{id}", rejected).then().statusCode(404);
        given().get("/reviews/{id}", rejected).then().statusCode(404);
        given().header("Authorization", Fixtures.bearer("mia")).get("/reviews/{id}", rejected).then().statusCode(200);
    }

    @Test
    void aDecisionAboutAnotherVersionDoesNotChangeTheStatus() {
        String author = Fixtures.newReviewer();
        String id = Fixtures.submit(author, film, Map.of("body", "Very very predictable."));
        publishDecision(id, 2, Decision.PUBLISH, new Reason("clean", "Fine."));
        String marker = submit("any", Map.of("body", "Marker review."));
        publishDecision(marker, 1, Decision.PUBLISH, new Reason("clean", "Fine."));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "PUBLISHED".equals(given().get("/reviews/{id}", marker).path("status")));

        given().header("Authorization", author).get("/reviews/{id}", id)
                .then().statusCode(200).body("status", equalTo("SUBMITTED"));
    }

    @Test
    void aPoisonFilmEventGoesToItsDeadLetterTopic() {
        String poison = UUID.randomUUID().toString();
        kafka.send(Topics.FILM_CHANGED, UUID.randomUUID().toString(), Map.of(CloudEventHeaders.ID, poison,
                CloudEventHeaders.TYPE, "catalog.film.changed.v1", CloudEventHeaders.SOURCE, "/catalog-service"),
                "{\"filmId\":\"not-a-uuid\"}".getBytes());
        UUID next = Fixtures.filmKnownToTheReplica();
        assertThat(next).isNotNull();
        List<ConsumerRecord<String, byte[]>> dead = kafka.read(Topics.deadLetter("review-service", Topics.FILM_CHANGED),
                Duration.ofSeconds(20),
                read -> read.stream().anyMatch(r -> poison.equals(EventTestClient.header(r, CloudEventHeaders.ID))));
        assertThat(dead).anySatisfy(r -> {
            assertThat(EventTestClient.header(r, CloudEventHeaders.ID)).isEqualTo(poison);
            assertThat(EventTestClient.header(r, "dead-letter-reason")).contains("breaks its schema");
        });
    }

    @Test
    void aPoisonDecisionGoesToItsDeadLetterTopicAndTheNextOneIsApplied() {
        String id = submit("alice", Map.of("body", "Decided after the poison."));
        String poison = UUID.randomUUID().toString();
        kafka.send(Topics.REVIEW_DECIDED, film.toString(), Map.of(CloudEventHeaders.ID, poison,
                CloudEventHeaders.TYPE, "moderation.review.decided.v1", CloudEventHeaders.SOURCE, "/moderation-service"),
                "{\"reviewId\": 12}".getBytes());
        publishDecision(id, 1, Decision.PUBLISH, new Reason("clean", "Fine."));
        await().atMost(Duration.ofSeconds(20)).until(() -> "PUBLISHED".equals(given().get("/reviews/{id}", id).path("status")));
        List<ConsumerRecord<String, byte[]>> dead = kafka.read(Topics.deadLetter("review-service", Topics.REVIEW_DECIDED),
                Duration.ofSeconds(20),
                read -> read.stream().anyMatch(r -> poison.equals(EventTestClient.header(r, CloudEventHeaders.ID))));
        assertThat(dead).anySatisfy(r -> {
            assertThat(EventTestClient.header(r, CloudEventHeaders.ID)).isEqualTo(poison);
            assertThat(EventTestClient.header(r, "dead-letter-reason")).contains("breaks its schema");
        });
    }

    private void publishDecision(String reviewId, long version, Decision decision, Reason reason) {
        kafka.publish(new ReviewDecided(UUID.fromString(reviewId), film, version, decision, new Scores(0, 0), List.of(reason),
                decision.published() ? new org.filmreviews.events.PublishedReview("Alice", "alice", null, null, "text", false,
                        List.of(), Instant.now()) : null,
                "engine/test", Instant.now()), film.toString(), reviewId);
    }
}
