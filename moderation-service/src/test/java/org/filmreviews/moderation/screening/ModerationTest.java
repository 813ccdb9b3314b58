package org.filmreviews.moderation.screening;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.filmreviews.devinfra.test.EventTestClient;
import org.filmreviews.devinfra.test.RealInfraTestResource;
import org.filmreviews.devinfra.test.TestTokens;
import org.filmreviews.events.Author;
import org.filmreviews.events.CloudEventHeaders;
import org.filmreviews.events.Decision;
import org.filmreviews.events.EventCodec;
import org.filmreviews.events.ReviewDecided;
import org.filmreviews.events.ReviewSubmitted;
import org.filmreviews.events.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** reviews.review-submitted.v1 in, moderation.review-decided.v1 out, on a real broker and database. */
@QuarkusTest
class ModerationTest {

    private EventTestClient kafka;
    private final UUID film = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        kafka = new EventTestClient(RealInfraTestResource.bootstrapServers());
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    private ReviewSubmitted submitted(String author, String body, boolean spoiler) {
        return new ReviewSubmitted(UUID.randomUUID(), film, 1, new Author(UUID.randomUUID().toString(), author, author),
                null, null, body, spoiler, Instant.now());
    }

    private ConsumerRecord<String, byte[]> decisionFor(UUID reviewId) {
        List<ConsumerRecord<String, byte[]>> records = kafka.read(Topics.REVIEW_DECIDED, Duration.ofSeconds(30),
                read -> read.stream()
                        .anyMatch(r -> reviewId.toString().equals(EventTestClient.header(r, CloudEventHeaders.SUBJECT))));
        return records.stream().filter(r -> reviewId.toString().equals(EventTestClient.header(r, CloudEventHeaders.SUBJECT)))
                .findFirst().orElseThrow(() -> new AssertionError("No decision for " + reviewId));
    }

    @Test
    void theSeedAdvertisementIsRejectedWithReasonsAndWithoutTheReview() {
        ReviewSubmitted ad = submitted("streamdeals",
                "Watch Free for 30 Days\n\nStream thousands of hit movies and TV shows\n\nStart 30-day Free Trial", false);
        kafka.publish(ad, film.toString(), ad.reviewId().toString());

        ConsumerRecord<String, byte[]> record = decisionFor(ad.reviewId());
        ReviewDecided decided = EventCodec.decode(ReviewDecided.class, record.value());
        assertThat(record.key()).isEqualTo(film.toString());
        assertThat(decided.decision()).isEqualTo(Decision.REJECT);
        assertThat(decided.review()).isNull();
        assertThat(decided.reasons()).extracting(r -> r.code()).contains("spam.promotion");
        assertThat(decided.scores().spam()).isGreaterThan(0.8);
        assertThat(decided.decidedBy()).startsWith("engine/");
        assertThat(EventTestClient.header(record, CloudEventHeaders.TYPE)).isEqualTo("moderation.review.decided.v1");
        assertThat(EventTestClient.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/moderation-service");
    }

    @Test
    void anAnnouncedSpoilerIsPublishedAsASpoilerWithTheWholeReview() {
        ReviewSubmitted review = submitted("alex904",
                "Another guy meets his parents, pregnant mother and father... Enough of spoilers. :) Good movie.", false);
        kafka.publish(review, film.toString(), review.reviewId().toString());

        ReviewDecided decided = EventCodec.decode(ReviewDecided.class, decisionFor(review.reviewId()).value());
        assertThat(decided.decision()).isEqualTo(Decision.PUBLISH_SPOILER);
        assertThat(decided.review().author()).isEqualTo("alex904");
        assertThat(decided.review().body()).isEqualTo(review.body());
        assertThat(decided.review().spoiler()).isTrue();
        assertThat(decided.review().submittedAt()).isEqualTo(review.submittedAt());

        given().header("Authorization", TestTokens.bearer("mia", "moderator"))
                .when().get("/moderation/cases/{id}", review.reviewId())
                .then().statusCode(200)
                .body("outcome", equalTo("PUBLISH_SPOILER"))
                .body("reasons.code", hasItem("spoiler.marker"));
    }

    @Test
    void aRedeliveredSubmissionIsDecidedOnce() {
        ReviewSubmitted review = submitted("bob", "Strong and Moving!", false);
        String eventId = kafka.publish(review, film.toString(), review.reviewId().toString());
        kafka.publish(eventId, review, film.toString(), review.reviewId().toString());
        ReviewSubmitted marker = submitted("bob", "A marker, decided after the duplicate.", false);
        kafka.publish(marker, film.toString(), marker.reviewId().toString());
        decisionFor(marker.reviewId());

        long decisions = kafka.read(Topics.REVIEW_DECIDED, Duration.ofSeconds(3), read -> false).stream()
                .filter(r -> review.reviewId().toString().equals(EventTestClient.header(r, CloudEventHeaders.SUBJECT)))
                .count();
        assertThat(decisions).isEqualTo(1);
    }

    @Test
    void casesAreForModeratorsOnly() {
        UUID any = UUID.randomUUID();
        given().when().get("/moderation/cases/{id}", any).then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("alice", "reviewer"))
                .when().get("/moderation/cases/{id}", any).then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("mia", "moderator"))
                .when().get("/moderation/cases/{id}", any).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aPoisonSubmissionGoesToTheDeadLetterTopic() {
        String poison = UUID.randomUUID().toString();
        kafka.send(Topics.REVIEW_SUBMITTED, film.toString(), Map.of(CloudEventHeaders.ID, poison,
                CloudEventHeaders.TYPE, "reviews.review.unknown.v1"), "{}".getBytes());
        List<ConsumerRecord<String, byte[]>> dead = kafka.read(Topics.deadLetter("moderation-service", Topics.REVIEW_SUBMITTED),
                Duration.ofSeconds(30),
                read -> read.stream().anyMatch(r -> poison.equals(EventTestClient.header(r, CloudEventHeaders.ID))));
        assertThat(dead)
                .anySatisfy(r -> assertThat(EventTestClient.header(r, "dead-letter-reason")).contains("Expected ce_type"));
    }
}
