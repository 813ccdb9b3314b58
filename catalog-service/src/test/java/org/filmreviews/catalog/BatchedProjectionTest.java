package org.filmreviews.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.filmreviews.devinfra.test.EventTestClient;
import org.filmreviews.devinfra.test.RealInfraTestResource;
import org.filmreviews.events.Decision;
import org.filmreviews.events.PublishedReview;
import org.filmreviews.events.Reason;
import org.filmreviews.events.ReviewDecided;
import org.filmreviews.events.ReviewVoted;
import org.filmreviews.events.Scores;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A burst of decisions on two films, in one poll: applied in a few transactions (the inbox stamps each event
 * with its transaction's start, so distinct stamps count transactions), in order, and the pages come out as
 * they would one event at a time.
 */
@QuarkusTest
class BatchedProjectionTest {

    private static final Instant T0 = Instant.parse("2026-02-01T10:00:00Z");

    @Inject
    EntityManager entityManager;

    @Test
    void aBurstOfDecisionsIsAppliedInAFewTransactionsAndThePagesAreThoseOfOneEventAtATime() {
        List<UUID> films = List.of(film(), film());
        List<Object> burst = new ArrayList<>();
        List<UUID> reviews = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            UUID review = UUID.randomUUID();
            reviews.add(review);
            burst.add(decided(review, films.get(i % 2), 1, Decision.PUBLISH, 1 + i % 10));
        }
        // Later in the same burst: the first twenty are taken down again, and two of the rest get votes.
        for (int i = 0; i < 20; i++) {
            burst.add(decided(reviews.get(i), films.get(i % 2), 1, Decision.REJECT, null));
        }
        burst.add(new ReviewVoted(reviews.get(20), films.get(0), 1, 3, 2, 1, Instant.now()));
        burst.add(new ReviewVoted(reviews.get(21), films.get(1), 1, 1, 1, 0, Instant.now()));
        List<String> eventIds;
        try (EventTestClient kafka = new EventTestClient(RealInfraTestResource.bootstrapServers())) {
            eventIds = kafka.publishAll(burst, event -> filmOf(event).toString(), event -> reviewOf(event).toString());
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> count("SELECT count(*) FROM inbox_event WHERE consumer = 'catalog.page' AND event_id IN (:ids)",
                        eventIds) == burst.size());

        for (int f = 0; f < 2; f++) {
            JsonPath page = given().get("/films/{id}", films.get(f)).then().statusCode(200).extract().jsonPath();
            // reviews f, f+2, ... of the 120 less the first twenty: 50 on each page, ratings 1..10 five times each
            assertThat(page.getInt("reviewCount")).isEqualTo(50);
            assertThat(page.getInt("rating.count")).isEqualTo(50);
            int first = f;
            double expected = IntStream.range(20, 120).filter(i -> i % 2 == first).map(i -> 1 + i % 10).average()
                    .orElseThrow();
            assertThat(page.getDouble("rating.average")).isCloseTo(expected, offset(0.05));
        }
        JsonPath voted = given().get("/films/{id}/reviews?limit=100", films.get(0)).then().statusCode(200).extract().jsonPath();
        assertThat(voted.getList("items.findAll { it.id == '" + reviews.get(20) + "' }.helpful", Integer.class))
                .containsExactly(2);

        long transactions = count("SELECT count(DISTINCT processed_at) FROM inbox_event"
                + " WHERE consumer = 'catalog.page' AND event_id IN (:ids)", eventIds);
        assertThat(transactions).as("transactions that applied %d events", burst.size()).isLessThanOrEqualTo(burst.size() / 5);
    }

    private static UUID film() {
        return UUID.fromString(FilmsTest.createFilm(Map.of("title", "Burst " + UUID.randomUUID())));
    }

    private static ReviewDecided decided(UUID review, UUID film, long version, Decision decision, Integer rating) {
        PublishedReview published = decision.published()
                ? new PublishedReview("Author " + review.toString().substring(0, 4), "author", rating, null,
                        "A review in a burst, rated " + rating + ".", false, List.of(), T0)
                : null;
        return new ReviewDecided(review, film, version, decision, new Scores(0.01, 0.1),
                List.of(new Reason("test", "A test decision.")),
                published, "engine/test", Instant.now());
    }

    private static UUID filmOf(Object event) {
        return event instanceof ReviewDecided decided ? decided.filmId() : ((ReviewVoted) event).filmId();
    }

    private static UUID reviewOf(Object event) {
        return event instanceof ReviewDecided decided ? decided.reviewId() : ((ReviewVoted) event).reviewId();
    }

    private long count(String sql, List<String> ids) {
        return QuarkusTransaction.requiringNew().call(
                () -> ((Number) entityManager.createNativeQuery(sql).setParameter("ids", ids).getSingleResult()).longValue());
    }
}
