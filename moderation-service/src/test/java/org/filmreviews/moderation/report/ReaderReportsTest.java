package org.filmreviews.moderation.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.filmreviews.moderation.Fixtures.moderator;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.filmreviews.devinfra.test.EventTestClient;
import org.filmreviews.devinfra.test.RealInfraTestResource;
import org.filmreviews.events.Decision;
import org.filmreviews.events.ReportReason;
import org.filmreviews.events.ReviewDecided;
import org.filmreviews.events.ReviewSubmitted;
import org.filmreviews.events.ReviewWithdrawn;
import org.filmreviews.moderation.Fixtures;
import org.filmreviews.moderation.engine.ModerationEngine;
import org.filmreviews.moderation.learning.SharedEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Readers' reports arrive from review-service as events; here they are published on the real broker as
 * review-service publishes them, about reviews the engine published.
 */
@QuarkusTest
class ReaderReportsTest {

    private EventTestClient kafka;
    private final UUID film = UUID.randomUUID();

    @Inject
    SharedEngine engines;

    @BeforeEach
    void setUp() {
        kafka = new EventTestClient(RealInfraTestResource.bootstrapServers());
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    private ReviewSubmitted published(String author, String body) {
        ReviewSubmitted review = Fixtures.submit(kafka, Fixtures.submission(film, author, body));
        assertThat(Fixtures.awaitCase(review.reviewId()).getString("outcome")).isEqualTo("PUBLISH");
        return review;
    }

    private void report(ReviewSubmitted review, String reader, ReportReason reason, String note) {
        Fixtures.report(kafka, review, review.version(), reader, reason, note);
    }

    private static JsonPath awaitCase(UUID reviewId, Predicate<JsonPath> done) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> done.test(Fixtures.awaitCase(reviewId)));
        return Fixtures.awaitCase(reviewId);
    }

    private JsonPath queue(String query) {
        return given().header("Authorization", moderator("mia")).get("/moderation/queue?filmId=" + film + query)
                .then().statusCode(200).extract().jsonPath();
    }

    private static List<String> audit(UUID reviewId) {
        return given().header("Authorization", moderator("mia")).get("/moderation/audit?reviewId={id}", reviewId)
                .jsonPath().getList("items.action");
    }

    @Test
    void threeReportsSendAPublishedReviewBackToTheQueueMarkedAsReportedAndADecisionSettlesThem() {
        ReviewSubmitted review = published("reported", "A warm film about two brothers who open a bakery in Lyon.");

        report(review, "ann", ReportReason.SPAM, null);
        report(review, "ann", ReportReason.ABUSE, "Rude to <b>other</b> readers."); // ann's second report replaces her first
        report(review, "ben", ReportReason.SPAM, "An advert for the bakery.");
        JsonPath twoReaders = awaitCase(review.reviewId(),
                c -> c.getInt("reportCounts.spam") == 1 && c.getInt("reportCounts.abuse") == 1);
        assertThat(twoReaders.getBoolean("open")).isFalse();
        assertThat(twoReaders.getBoolean("reported")).isFalse();
        assertThat(queue("&reported=true").getList("items")).isEmpty();

        report(review, "cem", ReportReason.SPOILER, null);
        JsonPath reported = awaitCase(review.reviewId(), c -> c.getBoolean("open"));
        assertThat(reported.getBoolean("reported")).isTrue();
        assertThat(reported.getString("reportedAt")).isNotBlank();
        assertThat(reported.getString("outcome")).isEqualTo("PUBLISH"); // one spoiler report hides nothing
        assertThat(reported.getList("reports.reporter")).containsExactly("cem", "ben", "ann");
        assertThat(reported.getList("reports.reason")).containsExactly("spoiler", "spam", "abuse");
        assertThat(reported.getString("reports[2].note")).isEqualTo("Rude to <b>other</b> readers.");
        assertThat(reported.getMap("reportCounts")).isEqualTo(Map.of("spoiler", 1, "spam", 1, "abuse", 1));
        assertThat(queue("&reported=true").getList("items.reviewId")).containsExactly(review.reviewId().toString());
        assertThat(queue("&reported=false").getList("items")).isEmpty();
        assertThat(audit(review.reviewId())).containsExactly("MACHINE_DECISION", "REPORTED");

        given().header("Authorization", moderator("mia")).contentType(ContentType.JSON)
                .body(Map.of("decision", "REJECT", "reason", "spam", "note", "An advertisement after all."))
                .post("/moderation/cases/{id}/decision", review.reviewId())
                .then().statusCode(200).body("open", equalTo(false)).body("reported", equalTo(false))
                .body("reportCounts.spam", equalTo(0)).body("reports.findAll { it.settledAt == null }.size()", equalTo(0));
        ReviewDecided verdict = Fixtures.decisions(kafka, review.reviewId(), 2).get(1);
        assertThat(verdict.decision()).isEqualTo(Decision.REJECT);
        assertThat(verdict.decidedBy()).isEqualTo("mia");
        assertThat(audit(review.reviewId())).containsExactly("MACHINE_DECISION", "REPORTED", "DECISION");

        // Settled reports no longer count: a fourth reader alone does not send the case back.
        report(review, "dan", ReportReason.SPAM, null);
        JsonPath after = awaitCase(review.reviewId(), c -> c.getList("reports").size() == 4);
        assertThat(after.getBoolean("open")).isFalse();
        assertThat(after.getInt("reportCounts.spam")).isEqualTo(1);
    }

    @Test
    void twoSpoilerReportsPutAPublishedReviewBehindTheWarningAtOnceAndTheModeratorsChoiceTeachesTheEngine() {
        String body = "Beautifully shot and well acted. The second half drags a little, but the music carries it.";
        ReviewSubmitted review = published("spoilt", body);

        report(review, "eve", ReportReason.SPOILER, "The second half gives the ending away.");
        report(review, "fay", ReportReason.SPOILER, null);
        JsonPath hidden = awaitCase(review.reviewId(), c -> "PUBLISH_SPOILER".equals(c.getString("outcome")));
        assertThat(hidden.getString("decidedBy")).isEqualTo("readers");
        assertThat(hidden.getLong("version")).isEqualTo(1);
        assertThat(hidden.getBoolean("open")).isTrue();
        assertThat(hidden.getBoolean("reported")).isTrue();
        assertThat(hidden.getString("machineOutcome")).isEqualTo("PUBLISH");

        List<ReviewDecided> decided = Fixtures.decisions(kafka, review.reviewId(), 2);
        ReviewDecided byReaders = decided.get(1);
        assertThat(byReaders.decision()).isEqualTo(Decision.PUBLISH_SPOILER);
        assertThat(byReaders.decidedBy()).isEqualTo("readers");
        assertThat(byReaders.version()).isEqualTo(1);
        assertThat(byReaders.reasons().get(0).code()).isEqualTo("readers.spoiler");
        assertThat(byReaders.review().spoiler()).isTrue();
        // the engine found no spoiler sentence here: the whole review goes behind the warning
        assertThat(byReaders.review().spoilerSentences()).isEmpty();
        assertThat(audit(review.reviewId())).containsExactly("MACHINE_DECISION", "READERS_SPOILER");

        long learnedBefore = engines.current().decisionsLearned();
        int start = body.indexOf("The second half");
        given().header("Authorization", moderator("mia")).contentType(ContentType.JSON)
                .body(Map.of("decision", "APPROVE_SPOILER", "spoilerSentences",
                        List.of(Map.of("start", start, "end", body.length()))))
                .post("/moderation/cases/{id}/decision", review.reviewId())
                .then().statusCode(200).body("outcome", equalTo("PUBLISH_SPOILER")).body("reported", equalTo(false));
        ReviewDecided confirmed = Fixtures.decisions(kafka, review.reviewId(), 3).get(2);
        assertThat(confirmed.decidedBy()).isEqualTo("mia");
        assertThat(confirmed.review().spoilerSentences()).hasSize(1);
        assertThat(confirmed.review().spoilerSentences().get(0).start()).isEqualTo(start);
        await().atMost(Duration.ofSeconds(30)).until(() -> engines.current().decisionsLearned() > learnedBefore);
    }

    @Test
    void reportsOfAVersionNoLongerCurrentOrOfAWithdrawnReviewAreKeptButChangeNothing() {
        ReviewSubmitted first = published("editing", "An honest and gentle film about an old lighthouse keeper.");
        ReviewSubmitted edited = new ReviewSubmitted(first.reviewId(), film, 2, first.author(), 8, null,
                "Edited: an honest, gentle film about an old lighthouse keeper and his dog.", false, Instant.now());
        kafka.publish(edited, film.toString(), first.reviewId().toString());
        awaitCase(first.reviewId(), c -> c.getLong("version") == 2);

        for (String reader : List.of("gil", "hal", "ida")) {
            report(first, reader, ReportReason.SPOILER, null); // about version 1, which the reader still saw
        }
        JsonPath stale = awaitCase(first.reviewId(), c -> c.getList("reports").size() == 3);
        assertThat(stale.getBoolean("open")).isFalse();
        assertThat(stale.getString("outcome")).isEqualTo("PUBLISH");
        assertThat(stale.getInt("reportCounts.spoiler")).isZero();

        kafka.publish(new ReviewWithdrawn(first.reviewId(), film, 3, Instant.now()), film.toString(),
                first.reviewId().toString());
        awaitCase(first.reviewId(), c -> c.getString("withdrawnAt") != null);
        for (String reader : List.of("gil", "hal", "ida")) {
            Fixtures.report(kafka, edited, 2, reader, ReportReason.SPOILER, null);
        }
        JsonPath withdrawn = awaitCase(first.reviewId(),
                c -> c.getList("reports.version").stream().allMatch(v -> ((Number) v).longValue() == 2));
        assertThat(withdrawn.getBoolean("open")).isFalse();
        assertThat(withdrawn.getBoolean("reported")).isFalse();
        assertThat(withdrawn.getString("outcome")).isEqualTo("PUBLISH");
        assertThat(audit(first.reviewId())).doesNotContain("REPORTED", "READERS_SPOILER");
    }
}
