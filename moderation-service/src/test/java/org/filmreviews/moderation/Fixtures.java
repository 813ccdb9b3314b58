package org.filmreviews.moderation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.filmreviews.devinfra.test.EventTestClient;
import org.filmreviews.devinfra.test.TestTokens;
import org.filmreviews.events.Author;
import org.filmreviews.events.CloudEventHeaders;
import org.filmreviews.events.EventCodec;
import org.filmreviews.events.FilmChanged;
import org.filmreviews.events.ReportReason;
import org.filmreviews.events.ReviewDecided;
import org.filmreviews.events.ReviewReported;
import org.filmreviews.events.ReviewSubmitted;
import org.filmreviews.events.Topics;

import io.restassured.path.json.JsonPath;

/** Submissions through the real broker, and the waits for what moderation makes of them. */
public final class Fixtures {

    /**
     * A bare link and nothing else spammy: the engine holds it (spam 0.7: at least holdSpam, below
     * rejectSpam). Under twelve words, so that many authors posting it is not taken for copying.
     */
    public static final String HELD_LINK = "Director interview at www.kino-archive.example, worth reading.";

    private Fixtures() {
    }

    public static String moderator(String name) {
        return TestTokens.bearer(name, "moderator");
    }

    public static ReviewSubmitted submission(UUID film, String author, String body) {
        return new ReviewSubmitted(UUID.randomUUID(), film, 1, new Author("id-" + author, author, author.toUpperCase()),
                7, null, body, false, Instant.now());
    }

    public static ReviewSubmitted submit(EventTestClient kafka, ReviewSubmitted review) {
        kafka.publish(review, review.filmId().toString(), review.reviewId().toString());
        awaitCase(review.reviewId());
        return review;
    }

    public static void film(EventTestClient kafka, UUID film, String title) {
        kafka.publish(new FilmChanged(film, 1, title, LocalDate.of(1987, 12, 13), "USA", "Two friends walk through a park.",
                List.of(), false, Instant.now()), film.toString(), film.toString());
    }

    /** A reader's report of the version they saw, published as review-service publishes it (totals are not read here). */
    public static void report(EventTestClient kafka, ReviewSubmitted review, long version, String reader, ReportReason reason,
            String note) {
        kafka.publish(
                new ReviewReported(review.reviewId(), review.filmId(), version, new Author("id-" + reader, reader, reader),
                        reason, note, Instant.now(), 0, 0, 0),
                review.filmId().toString(), review.reviewId().toString());
    }

    public static JsonPath awaitCase(UUID reviewId) {
        // generous: on a loaded two-core machine the first records after start-up can take a while
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> given()
                .header("Authorization", moderator("mia")).get("/moderation/cases/{id}", reviewId).statusCode() == 200);
        return given().header("Authorization", moderator("mia")).get("/moderation/cases/{id}", reviewId).jsonPath();
    }

    /** Every decision about a review on moderation.review-decided.v1, once {@code count} have arrived. */
    public static List<ReviewDecided> decisions(EventTestClient kafka, UUID reviewId, int count) {
        List<ConsumerRecord<String, byte[]>> records = kafka.read(Topics.REVIEW_DECIDED, Duration.ofSeconds(60),
                read -> read.stream().filter(r -> about(r, reviewId)).count() >= count);
        return records.stream().filter(r -> about(r, reviewId))
                .map(r -> EventCodec.decode(ReviewDecided.class, r.value())).toList();
    }

    private static boolean about(ConsumerRecord<String, byte[]> record, UUID reviewId) {
        return reviewId.toString().equals(EventTestClient.header(record, CloudEventHeaders.SUBJECT));
    }
}
