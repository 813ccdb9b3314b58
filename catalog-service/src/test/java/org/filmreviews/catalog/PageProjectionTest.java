package org.filmreviews.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

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
import org.filmreviews.events.PublishedReview;
import org.filmreviews.events.Reason;
import org.filmreviews.events.ReviewDecided;
import org.filmreviews.events.Scores;
import org.filmreviews.events.TextSpan;
import org.filmreviews.events.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** moderation.review-decided.v1 on a real broker → the film page, idempotent and in version order. */
@QuarkusTest
class PageProjectionTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private EventTestClient kafka;
    private String filmId;

    @BeforeEach
    void setUp() {
        kafka = new EventTestClient(RealInfraTestResource.bootstrapServers());
        filmId = FilmsTest.createFilm(Map.of("title", "Projection " + UUID.randomUUID()));
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    private ReviewDecided decided(UUID review, long version, Decision decision, Integer rating, String body, Instant at) {
        PublishedReview published = decision.published()
                ? new PublishedReview("Author " + review.toString().substring(0, 4), "author", rating, null, body,
                        decision == Decision.PUBLISH_SPOILER,
                        decision == Decision.PUBLISH_SPOILER ? List.of(new TextSpan(0, 5)) : List.of(), at)
                : null;
        return new ReviewDecided(review, UUID.fromString(filmId), version, decision, new Scores(0.01, 0.2),
                List.of(new Reason("test", "A test decision.")), published, "engine/test", Instant.now());
    }

    private String publish(ReviewDecided event) {
        return kafka.publish(event, filmId, event.reviewId().toString());
    }

    private JsonPath page() {
        return given().get("/films/{id}", filmId).then().statusCode(200).extract().jsonPath();
    }

    private void awaitPage(java.util.function.Predicate<JsonPath> condition) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> condition.test(page()));
    }

    @Test
    void publishedReviewsAppearNewestFirstWithTheirRatingSummary() {
        UUID older = UUID.randomUUID();
        UUID newer = UUID.randomUUID();
        UUID unrated = UUID.randomUUID();
        publish(decided(older, 1, Decision.PUBLISH, 6, "Strong and Moving!", T0));
        publish(decided(newer, 1, Decision.PUBLISH_SPOILER, 9, "He dies. What a film.", T0.plusSeconds(60)));
        publish(decided(unrated, 1, Decision.PUBLISH, null, "The movie really just wants to entertain people.",
                T0.plusSeconds(30)));

        awaitPage(p -> p.getList("reviews.items").size() == 3);
        given().get("/films/{id}", filmId).then()
                .body("reviews.items.id", contains(newer.toString(), unrated.toString(), older.toString()))
                .body("reviews.items[0].spoiler", equalTo(true))
                .body("reviews.items[0].spoilerSentences[0].end", equalTo(5))
                .body("reviews.items[0].excerpt", equalTo("He dies. What a film."))
                .body("reviews.items[1].rating", nullValue())
                .body("rating.count", equalTo(2))
                .body("rating.average", equalTo(7.5f))
                .body("rating.histogram[5]", equalTo(1))
                .body("rating.histogram[8]", equalTo(1));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        UUID review = UUID.randomUUID();
        ReviewDecided event = decided(review, 1, Decision.PUBLISH, 8, "Good movie.", T0);
        String id = publish(event);
        awaitPage(p -> p.getInt("rating.count") == 1);

        kafka.publish(id, event, filmId, review.toString());
        UUID marker = UUID.randomUUID();
        publish(decided(marker, 1, Decision.PUBLISH, null, "Marker review, processed after the duplicate.", T0.plusSeconds(5)));
        awaitPage(p -> p.getList("reviews.items").size() == 2);

        JsonPath page = page();
        assertThat(page.getInt("rating.count")).isEqualTo(1);
        assertThat(page.getList("reviews.items.id")).containsExactly(marker.toString(), review.toString());
    }

    @Test
    void anOlderVersionNeverReplacesANewerOne() {
        UUID review = UUID.randomUUID();
        publish(decided(review, 2, Decision.PUBLISH, 9, "Edited: even better the second time.", T0));
        awaitPage(p -> p.getList("reviews.items").size() == 1);
        publish(decided(review, 1, Decision.PUBLISH, 3, "First version.", T0));
        UUID marker = UUID.randomUUID();
        publish(decided(marker, 1, Decision.PUBLISH, null, "Marker.", T0.minusSeconds(5)));
        awaitPage(p -> p.getList("reviews.items").size() == 2);

        JsonPath page = page();
        assertThat(page.getString("reviews.items[0].body")).isEqualTo("Edited: even better the second time.");
        assertThat(page.getFloat("rating.average")).isEqualTo(9.0f);
    }

    @Test
    void aRejectionRemovesAndAHoldKeepsThePublishedVersion() {
        UUID kept = UUID.randomUUID();
        UUID removed = UUID.randomUUID();
        publish(decided(kept, 1, Decision.PUBLISH, 7, "Kept while its edit waits.", T0));
        publish(decided(removed, 1, Decision.PUBLISH, 2, "Taken down later.", T0.plusSeconds(1)));
        awaitPage(p -> p.getInt("rating.count") == 2);

        publish(decided(kept, 2, Decision.HOLD, null, null, T0));
        publish(decided(removed, 2, Decision.REJECT, null, null, T0));
        awaitPage(p -> p.getList("reviews.items").size() == 1);

        JsonPath page = page();
        assertThat(page.getList("reviews.items.id")).containsExactly(kept.toString());
        assertThat(page.getString("reviews.items[0].body")).isEqualTo("Kept while its edit waits.");
        assertThat(page.getInt("rating.count")).isEqualTo(1);
        assertThat(page.getFloat("rating.average")).isEqualTo(7.0f);
    }

    @Test
    void longReviewsGetAnExcerptCutAtAWord() {
        UUID review = UUID.randomUUID();
        String body = "word ".repeat(100).trim();
        publish(decided(review, 1, Decision.PUBLISH, null, body, T0));
        awaitPage(p -> p.getList("reviews.items").size() == 1);

        JsonPath page = page();
        String excerpt = page.getString("reviews.items[0].excerpt");
        assertThat(excerpt).endsWith("word…").hasSizeLessThanOrEqualTo(301);
        assertThat(page.getString("reviews.items[0].body")).isEqualTo(body);
        assertThat(page.getBoolean("reviews.items[0].truncated")).isTrue();
    }

    @Test
    void reviewsArePagedWithKeysetCursors() {
        for (int i = 0; i < 12; i++) {
            publish(decided(UUID.randomUUID(), 1, Decision.PUBLISH, 1 + i % 10, "Review number " + i, T0.plusSeconds(i)));
        }
        awaitPage(p -> p.getInt("rating.count") == 12);
        JsonPath first = page();
        assertThat(first.getList("reviews.items")).hasSize(10);
        assertThat(first.getString("reviews.items[0].body")).isEqualTo("Review number 11");

        JsonPath second = given().get(first.getString("reviews.next")).then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("items.body")).containsExactly("Review number 1", "Review number 0");
        assertThat(second.getString("next")).isNull();
        assertThat(first.getInt("rating.count")).isEqualTo(12);
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheNextOneIsApplied() {
        String poisonId = UUID.randomUUID().toString();
        kafka.send(Topics.REVIEW_DECIDED, filmId, Map.of(
                CloudEventHeaders.ID, poisonId,
                CloudEventHeaders.TYPE, "moderation.review.decided.v1",
                CloudEventHeaders.SOURCE, "/moderation-service"), "{\"this is\": not json".getBytes());
        UUID after = UUID.randomUUID();
        publish(decided(after, 1, Decision.PUBLISH, 5, "Applied after the poison message.", T0));
        awaitPage(p -> p.getList("reviews.items").size() == 1);

        List<ConsumerRecord<String, byte[]>> dead = kafka.read(Topics.deadLetter("catalog-service", Topics.REVIEW_DECIDED),
                Duration.ofSeconds(20),
                read -> read.stream().anyMatch(r -> poisonId.equals(EventTestClient.header(r, CloudEventHeaders.ID))));
        ConsumerRecord<String, byte[]> record = dead.stream()
                .filter(r -> poisonId.equals(EventTestClient.header(r, CloudEventHeaders.ID))).findFirst().orElseThrow();
        assertThat(EventTestClient.header(record, "dead-letter-reason")).contains("not JSON");
        assertThat(EventTestClient.value(record)).isEqualTo("{\"this is\": not json");
    }
}
