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
import org.filmreviews.events.ReviewAppealed;
import org.filmreviews.events.ReviewVoted;
import org.filmreviews.events.Topics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class VotesAndAppealsTest {

    private UUID film;
    private String author;

    @BeforeEach
    void setUp() {
        film = Fixtures.filmKnownToTheReplica();
        author = Fixtures.newReviewer();
    }

    private static void vote(String voter, String id, boolean helpful, int expectedHelpful, int expectedNotHelpful) {
        given().header("Authorization", voter).contentType(ContentType.JSON).body(Map.of("helpful", helpful))
                .when().put("/reviews/{id}/vote", id)
                .then().statusCode(200).body("helpful", equalTo(expectedHelpful))
                .body("notHelpful", equalTo(expectedNotHelpful));
    }

    @Test
    void votesOnAPublishedReviewAreCountedOncePerPersonAndChangeable() {
        String id = Fixtures.submit(author, film, Map.of("body", "Helpful, I hope."));
        Fixtures.decide(film, id, 1, Decision.PUBLISH, null);
        Fixtures.awaitStatus(author, id, "PUBLISHED");
        String alice = Fixtures.bearer("alice");
        String bob = Fixtures.bearer("bob");

        vote(alice, id, true, 1, 0);
        vote(alice, id, true, 1, 0); // the same vote again counts once
        vote(bob, id, true, 2, 0);
        vote(bob, id, false, 1, 1); // changed
        given().header("Authorization", bob).when().delete("/reviews/{id}/vote", id)
                .then().statusCode(200).body("helpful", equalTo(1)).body("notHelpful", equalTo(0));
        given().get("/reviews/{id}", id).then().body("votes.helpful", equalTo(1)).body("votes.notHelpful", equalTo(0));

        List<ConsumerRecord<String, byte[]>> voted = Fixtures.eventsAbout(Topics.REVIEW_VOTED, id, 4);
        List<ReviewVoted> tallies = voted.stream().map(r -> EventCodec.decode(ReviewVoted.class, r.value())).toList();
        assertThat(tallies).extracting(ReviewVoted::tally).containsExactly(1L, 2L, 3L, 4L);
        assertThat(tallies.get(3).helpful()).isEqualTo(1);
        assertThat(tallies.get(3).notHelpful()).isZero();
        assertThat(voted.get(0).key()).isEqualTo(film.toString());
    }

    @Test
    void nobodyVotesOnTheirOwnOrOnAnUnpublishedReview() {
        String id = Fixtures.submit(author, film, Map.of("body", "Not yet published."));
        given().header("Authorization", Fixtures.bearer("alice")).contentType(ContentType.JSON).body(Map.of("helpful", true))
                .when().put("/reviews/{id}/vote", id).then().statusCode(404).contentType("application/problem+json");
        Fixtures.decide(film, id, 1, Decision.PUBLISH, null);
        Fixtures.awaitStatus(author, id, "PUBLISHED");
        given().header("Authorization", author).contentType(ContentType.JSON).body(Map.of("helpful", true))
                .when().put("/reviews/{id}/vote", id).then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("helpful", true))
                .when().put("/reviews/{id}/vote", id).then().statusCode(401);
    }

    @Test
    void aRejectedReviewIsAppealedOnceAndTheModeratorsAnswerComesBack() {
        String id = Fixtures.submit(author, film, Map.of("body", "Call me at 555 0100 200 for the DVD."));
        Fixtures.decide(film, id, 1, Decision.REJECT, null);
        Fixtures.awaitStatus(author, id, "REJECTED");

        given().header("Authorization", author).contentType(ContentType.JSON)
                .body(Map.of("message", "That is the cinema's number, not an advert."))
                .when().post("/reviews/{id}/appeal", id)
                .then().statusCode(202).body("status", equalTo("IN_REVIEW"));
        given().header("Authorization", author).contentType(ContentType.JSON).body(Map.of())
                .when().post("/reviews/{id}/appeal", id)
                .then().statusCode(409).contentType("application/problem+json");

        ReviewAppealed appealed = EventCodec.decode(ReviewAppealed.class,
                Fixtures.eventsAbout(Topics.REVIEW_APPEALED, id, 1).get(0).value());
        assertThat(appealed.version()).isEqualTo(1);
        assertThat(appealed.message()).isEqualTo("That is the cinema's number, not an advert.");
        assertThat(appealed.author().displayName()).startsWith("Reviewer ");

        Fixtures.decide(film, id, 1, Decision.PUBLISH, true);
        Fixtures.awaitStatus(author, id, "PUBLISHED");
    }

    @Test
    void onlyARejectedReviewOfOnesOwnCanBeAppealed() {
        String id = Fixtures.submit(author, film, Map.of("body", "Waiting for moderation."));
        given().header("Authorization", author).contentType(ContentType.JSON).body(Map.of())
                .when().post("/reviews/{id}/appeal", id).then().statusCode(409);
        given().header("Authorization", Fixtures.newReviewer()).contentType(ContentType.JSON).body(Map.of())
                .when().post("/reviews/{id}/appeal", id).then().statusCode(403);
    }
}
