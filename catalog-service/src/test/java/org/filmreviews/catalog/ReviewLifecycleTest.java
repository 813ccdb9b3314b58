package org.filmreviews.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.filmreviews.devinfra.test.EventTestClient;
import org.filmreviews.devinfra.test.RealInfraTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Edits, withdrawals, take-downs and helpful votes on a real broker → the page data and its summary,
 * idempotent and in version order; every sort paged through with keyset cursors.
 */
@QuarkusTest
class ReviewLifecycleTest {

    private static final Instant T0 = Instant.parse("2026-02-01T10:00:00Z");

    private EventTestClient kafka;
    private ReviewEvents events;
    private String filmId;

    @BeforeEach
    void setUp() {
        kafka = new EventTestClient(RealInfraTestResource.bootstrapServers());
        filmId = FilmsTest.createFilm(Map.of("title", "Lifecycle " + UUID.randomUUID()));
        events = new ReviewEvents(kafka, filmId);
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    private JsonPath page(String query) {
        return given().get("/films/" + filmId + query).then().statusCode(200).extract().jsonPath();
    }

    private JsonPath awaitPage(String query, Predicate<JsonPath> condition) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> condition.test(page(query)));
        return page(query);
    }

    /** A review published after everything sent so far: once it shows, the events before it were applied. */
    private void barrier(Instant at) {
        UUID marker = UUID.randomUUID();
        events.publish(marker, 1, "Marker", null, "Marker review.", at);
        awaitPage("", p -> p.getList("reviews.items.id").contains(marker.toString()));
        events.withdraw(marker, 1);
        awaitPage("", p -> !p.getList("reviews.items.id").contains(marker.toString()));
    }

    @Test
    void anEditReplacesThePublishedVersionAndItsRating() {
        UUID review = UUID.randomUUID();
        events.publish(review, 1, "Cristal", 4, "The movie really just wants to entertain people.", T0);
        awaitPage("", p -> p.getInt("rating.count") == 1);

        events.publish(review, 2, "Cristal", 8, "On a second viewing it is much more than entertainment.", T0);
        JsonPath page = awaitPage("", p -> p.getInt("rating.histogram[7]") == 1);
        assertThat(page.getList("reviews.items")).hasSize(1);
        assertThat(page.getString("reviews.items[0].body")).startsWith("On a second viewing");
        assertThat(page.getInt("rating.count")).isEqualTo(1);
        assertThat(page.getInt("rating.histogram[3]")).isZero();
        assertThat(page.getFloat("rating.average")).isEqualTo(8.0f);
        assertThat(page.getInt("reviewCount")).isEqualTo(1);
    }

    @Test
    void aWithdrawnReviewLeavesThePageAndLateDecisionsDoNotBringItBack() {
        UUID kept = UUID.randomUUID();
        UUID withdrawn = UUID.randomUUID();
        events.publish(kept, 1, "Efenstor", 9, "A great movie with a good and deep idea.", T0);
        events.publish(withdrawn, 1, "BlazeLime", 3, "Strong and Moving!", T0.plusSeconds(10));
        awaitPage("", p -> p.getInt("rating.count") == 2);

        String withdrawal = events.withdraw(withdrawn, 1);
        JsonPath page = awaitPage("", p -> p.getList("reviews.items").size() == 1);
        assertThat(page.getList("reviews.items.id")).containsExactly(kept.toString());
        assertThat(page.getInt("rating.count")).isEqualTo(1);
        assertThat(page.getFloat("rating.average")).isEqualTo(9.0f);
        assertThat(page.getInt("rating.histogram[2]")).isZero();
        assertThat(page.getInt("reviewCount")).isEqualTo(1);

        // the same withdrawal again, and a decision on the withdrawn version arriving late: nothing changes
        kafka.publish(withdrawal,
                new org.filmreviews.events.ReviewWithdrawn(withdrawn, UUID.fromString(filmId), 1, Instant.now()),
                filmId, withdrawn.toString());
        events.publish(withdrawn, 1, "BlazeLime", 3, "Strong and Moving!", T0.plusSeconds(10));
        barrier(T0.minusSeconds(100));
        page = page("");
        assertThat(page.getList("reviews.items.id")).containsExactly(kept.toString());
        assertThat(page.getInt("rating.count")).isEqualTo(1);

        // the author submits it again: a higher version comes back through moderation
        events.publish(withdrawn, 2, "BlazeLime", 7, "Strong and moving, and better than I first said.", T0.plusSeconds(10));
        page = awaitPage("", p -> p.getList("reviews.items").size() == 2);
        assertThat(page.getString("reviews.items[0].body")).startsWith("Strong and moving, and better");
        assertThat(page.getFloat("rating.average")).isEqualTo(8.0f);
    }

    @Test
    void aWithdrawalThatOvertakesItsDecisionStillKeepsTheReviewOff() {
        UUID review = UUID.randomUUID();
        events.withdraw(review, 1);
        events.publish(review, 1, "ollaer", 6, "Two friends are transferred some 40 years back.", T0);
        barrier(T0.minusSeconds(100));
        JsonPath page = page("");
        assertThat(page.getList("reviews.items")).isEmpty();
        assertThat(page.getInt("rating.count")).isZero();
    }

    @Test
    void aTakeDownAndARestoreOnTheSameVersionApplyInOrder() {
        UUID review = UUID.randomUUID();
        events.publish(review, 1, "alex904", 8, "A good and strong story about people trapped in a time loop.", T0);
        awaitPage("", p -> p.getInt("reviewCount") == 1);
        events.reject(review, 1);
        awaitPage("", p -> p.getInt("reviewCount") == 0);
        assertThat(page("").getInt("rating.count")).isZero();
        events.publish(review, 1, "alex904", 8, "A good and strong story about people trapped in a time loop.", T0);
        JsonPath page = awaitPage("", p -> p.getInt("reviewCount") == 1);
        assertThat(page.getInt("rating.count")).isEqualTo(1);
    }

    @Test
    void votesCountOnlyWhenNewerAndAreKeptForReviewsNotYetPublished() {
        UUID early = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        // votes overtaking the decision that publishes the review
        events.vote(early, 1, 1, 1, 0);
        events.vote(early, 1, 3, 4, 1);
        events.vote(early, 1, 2, 2, 0); // an older total arriving late
        events.publish(other, 1, "Tayloriona", 7, "Super entertaining.", T0);
        events.publish(early, 1, "Cubussoli", 5, "Very very predictable.", T0.plusSeconds(5));
        JsonPath page = awaitPage("", p -> p.getList("reviews.items").size() == 2);
        assertThat(page.getString("reviews.items[0].id")).isEqualTo(early.toString());
        assertThat(page.getInt("reviews.items[0].helpful")).isEqualTo(4);
        assertThat(page.getInt("reviews.items[0].notHelpful")).isEqualTo(1);

        String vote = events.vote(other, 1, 1, 9, 0);
        awaitPage("?sort=helpful", p -> p.getString("reviews.items[0].id").equals(other.toString()));
        kafka.publish(vote, new org.filmreviews.events.ReviewVoted(other, UUID.fromString(filmId), 1, 1, 9, 0, Instant.now()),
                filmId, other.toString());
        events.vote(other, 1, 2, 9, 7);
        page = awaitPage("?sort=helpful", p -> p.getString("reviews.items[0].id").equals(early.toString()));
        assertThat(page.getList("reviews.items.id")).containsExactly(early.toString(), other.toString());
        assertThat(page.getInt("reviews.items[1].notHelpful")).isEqualTo(7);
        assertThat(page.getString("sort")).isEqualTo("helpful");
    }

    @Test
    void everySortPagesThroughAllReviewsWithKeysetCursors() {
        // 23 reviews: ratings 1..10 twice, three unrated; some share a submission time
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            Integer rating = i < 20 ? 1 + i % 10 : null;
            events.publish(id, 1, "Author " + i, rating, "Review " + i, T0.plusSeconds(i / 2));
            events.vote(id, 1, 1, i % 7, i % 3);
        }
        awaitPage("", p -> p.getInt("reviewCount") == 23);
        await().atMost(Duration.ofSeconds(20)).until(() -> page("?sort=helpful").getInt("reviews.items[0].helpful") == 6);

        assertOrder("newest", (a, b) -> compare(b.time, a.time, b.id, a.id));
        assertOrder("highest", (a, b) -> a.rankHigh != b.rankHigh ? Integer.compare(b.rankHigh, a.rankHigh)
                : compare(b.time, a.time, b.id, a.id));
        assertOrder("lowest",
                (a, b) -> a.rankLow != b.rankLow ? Integer.compare(b.rankLow, a.rankLow) : compare(b.time, a.time, b.id, a.id));
        assertOrder("helpful", (a, b) -> a.net != b.net ? Integer.compare(b.net, a.net) : compare(b.time, a.time, b.id, a.id));

        JsonPath lowest = page("?sort=lowest");
        assertThat(lowest.getList("reviews.items.rating").subList(0, 2)).containsExactly(1, 1);
        JsonPath highest = page("?sort=highest&limit=5");
        assertThat(highest.getList("reviews.items.rating")).containsExactly(10, 10, 9, 9, 8);
        assertThat(highest.getString("reviews.next")).contains("sort=highest").contains("limit=5");
    }

    private record Row(String id, Instant time, int rankHigh, int rankLow, int net) {
    }

    /** By time, then by id as PostgreSQL orders uuids: by their bytes, that is by their lower-case hex text. */
    private static int compare(Instant a, Instant b, String idA, String idB) {
        int byTime = a.compareTo(b);
        return byTime != 0 ? byTime : idA.compareTo(idB);
    }

    private void assertOrder(String sort, java.util.Comparator<Row> expected) {
        List<Row> read = new ArrayList<>();
        String next = "/films/" + filmId + "/reviews?sort=" + sort + "&limit=4";
        int pages = 0;
        while (next != null) {
            JsonPath slice = given().get(next).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = slice.getList("items");
            assertThat(items).hasSizeLessThanOrEqualTo(4);
            for (Map<String, Object> item : items) {
                Integer rating = (Integer) item.get("rating");
                read.add(new Row((String) item.get("id"), Instant.parse((String) item.get("submittedAt")),
                        rating == null ? 0 : rating, -(rating == null ? 11 : rating),
                        (Integer) item.get("helpful") - (Integer) item.get("notHelpful")));
            }
            next = slice.getString("next");
            pages++;
        }
        assertThat(pages).as("pages of sort %s", sort).isEqualTo(6);
        assertThat(read).extracting(Row::id).doesNotHaveDuplicates().hasSize(23);
        assertThat(read).as("order of sort %s", sort).isSortedAccordingTo(expected);
    }
}
