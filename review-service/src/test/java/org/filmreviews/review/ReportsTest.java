package org.filmreviews.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.filmreviews.events.Decision;
import org.filmreviews.events.EventCodec;
import org.filmreviews.events.ReportReason;
import org.filmreviews.events.ReviewReported;
import org.filmreviews.events.Topics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class ReportsTest {

    private UUID film;
    private String author;

    @BeforeEach
    void setUp() {
        film = Fixtures.filmKnownToTheReplica();
        author = Fixtures.newReviewer();
    }

    private String published(String body) {
        String id = Fixtures.submit(author, film, Map.of("body", body));
        Fixtures.decide(film, id, 1, Decision.PUBLISH, null);
        Fixtures.awaitStatus(author, id, "PUBLISHED");
        return id;
    }

    private static ValidatableResponse report(String reader, String id, Map<String, Object> body) {
        return given().header("Authorization", reader).contentType(ContentType.JSON).body(body)
                .when().put("/reviews/{id}/report", id).then();
    }

    private static void expectTotals(ValidatableResponse response, int spoiler, int spam, int abuse) {
        response.statusCode(200).body("spoiler", equalTo(spoiler)).body("spam", equalTo(spam)).body("abuse", equalTo(abuse));
    }

    @Test
    void eachReaderReportsOnceAndChangingTheReasonMovesTheirReportInsteadOfCountingTwice() {
        String id = published("The twist in the last reel is that the hero was dead all along.");
        String alice = Fixtures.bearer("alice");
        String reader = Fixtures.newReviewer();

        expectTotals(report(alice, id, Map.of("reason", "spoiler")), 1, 0, 0);
        expectTotals(report(alice, id, Map.of("reason", "spoiler")), 1, 0, 0); // the same report again counts once
        expectTotals(report(reader, id, Map.of("reason", "spoiler", "note", "  Tells the ending.\u0007 ")), 2, 0, 0);
        expectTotals(report(alice, id, Map.of("reason", "spam", "note", "An advert, in fact.")), 1, 1, 0);
        // moderators and admins read the pages too
        expectTotals(report(Fixtures.bearer("mia"), id, Map.of("reason", "abuse")), 1, 1, 1);

        List<ConsumerRecord<String, byte[]>> records = Fixtures.eventsAbout(Topics.REVIEW_REPORTED, id, 4);
        List<ReviewReported> reported = records.stream().map(r -> EventCodec.decode(ReviewReported.class, r.value())).toList();
        assertThat(reported).hasSize(4); // the repeated report was no change, so no event
        assertThat(records.get(0).key()).isEqualTo(film.toString());
        assertThat(reported).extracting(ReviewReported::reason)
                .containsExactly(ReportReason.SPOILER, ReportReason.SPOILER, ReportReason.SPAM, ReportReason.ABUSE);
        ReviewReported second = reported.get(1);
        assertThat(second.note()).isEqualTo("Tells the ending.");
        assertThat(second.reporter().displayName()).startsWith("Reviewer ");
        assertThat(second.version()).isEqualTo(1);
        assertThat(second.reviewId().toString()).isEqualTo(id);
        ReviewReported last = reported.get(3);
        assertThat(last.reporter().username()).isEqualTo("mia");
        assertThat(List.of(last.spoiler(), last.spam(), last.abuse())).containsExactly(1, 1, 1);
    }

    @Test
    void onlyAReviewOnItsFilmPageCanBeReportedAndNeverByItsAuthor() {
        String id = Fixtures.submit(author, film, Map.of("body", "Not decided yet."));
        String reader = Fixtures.newReviewer();
        report(reader, id, Map.of("reason", "spam")).statusCode(404).contentType("application/problem+json");
        report(reader, UUID.randomUUID().toString(), Map.of("reason", "spam")).statusCode(404);

        Fixtures.decide(film, id, 1, Decision.PUBLISH, null);
        Fixtures.awaitStatus(author, id, "PUBLISHED");
        report(author, id, Map.of("reason", "spam")).statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("reason", "spam")).when().put("/reviews/{id}/report", id)
                .then().statusCode(401);

        given().header("Authorization", author).when().delete("/reviews/{id}", id).then().statusCode(204);
        report(reader, id, Map.of("reason", "spam")).statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anEditUnderModerationLeavesThePublishedVersionOnThePageAndReportsNameThatVersion() {
        String id = published("A calm film about two friends.");
        given().header("Authorization", author).contentType(ContentType.JSON).body(Map.of("body", "Edited: a calm film."))
                .when().put("/reviews/{id}", id).then().statusCode(202);

        expectTotals(report(Fixtures.newReviewer(), id, Map.of("reason", "abuse")), 0, 0, 1);

        ReviewReported reported = EventCodec.decode(ReviewReported.class,
                Fixtures.eventsAbout(Topics.REVIEW_REPORTED, id, 1).get(0).value());
        assertThat(reported.version()).isEqualTo(1);
    }
}
