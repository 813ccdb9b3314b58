package org.filmreviews.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.filmreviews.devinfra.test.EventTestClient;
import org.filmreviews.devinfra.test.RealInfraTestResource;
import org.filmreviews.devinfra.test.TestTokens;
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

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The page data dropped and rebuilt from the topics (offset 0) equals the live one, checksum for checksum. */
@QuarkusTest
class RebuildTest {

    private static final String ADMIN = TestTokens.bearer("admin", "admin");
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final List<String> SORTS = List.of("newest", "highest", "lowest", "helpful");

    @Inject
    EntityManager entityManager;

    private EventTestClient kafka;
    private ReviewEvents events;
    private String filmId;

    @BeforeEach
    void setUp() {
        kafka = new EventTestClient(RealInfraTestResource.bootstrapServers());
        filmId = FilmsTest.createFilm(Map.of("title", "Rebuild " + UUID.randomUUID()));
        events = new ReviewEvents(kafka, filmId);
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    static JsonPath checksum(String query) {
        return given().header("Authorization", ADMIN).get("/admin/page-data/checksum" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    static JsonPath rebuild() {
        return given().header("Authorization", ADMIN).post("/admin/page-data/rebuild")
                .then().statusCode(200).extract().jsonPath();
    }

    /** Every page of the film in every order, as clients read it. */
    private Map<String, String> everyPage() {
        Map<String, String> pages = new LinkedHashMap<>();
        for (String sort : SORTS) {
            pages.put(sort,
                    given().get("/films/{id}?sort=" + sort + "&limit=3", filmId).then().statusCode(200).extract().asString());
            String next = given().get("/films/{id}?sort=" + sort + "&limit=3", filmId).then().extract().path("reviews.next");
            while (next != null) {
                String body = given().get(next).then().statusCode(200).extract().asString();
                pages.put(next, body);
                next = JsonPath.from(body).getString("next");
            }
        }
        return pages;
    }

    /** Waits until the service's consumer group has committed every record of the review topics. */
    static void awaitCaughtUp() {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", RealInfraTestResource.bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("catalog-service")
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
                for (String topic : List.of(Topics.REVIEW_DECIDED, Topics.REVIEW_WITHDRAWN, Topics.REVIEW_VOTED)) {
                    admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic).partitions()
                            .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
                }
                var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
                return ends.entrySet().stream().allMatch(e -> e.getValue().offset() == 0
                        || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue().offset()));
            });
        }
    }

    /** A film page with all that can happen to reviews: edits, spoilers, take-downs, withdrawals, votes. */
    private List<UUID> aBusyFilm() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            if (i % 4 == 3) {
                events.publishSpoiler(id, 1, "Reviewer " + i, 1 + i % 10, "It starts well. He dies at the end. Fine.",
                        List.of(new TextSpan(16, 35)), T0.plusSeconds(i));
            } else {
                events.publish(id, 1, "Reviewer " + i, i % 5 == 0 ? null : 1 + i % 10,
                        "Review number " + i + ". " + "word ".repeat(i * 10),
                        T0.plusSeconds(i / 3));
            }
            events.vote(id, 1, 1, i, i % 3);
        }
        events.publish(ids.get(0), 2, "Reviewer 0", 9, "Edited review.", T0);
        events.reject(ids.get(1), 1);
        events.publish(ids.get(1), 1, "Reviewer 1", 2, "Restored after a take-down.", T0);
        events.withdraw(ids.get(2), 1);
        events.publish(ids.get(2), 1, "Reviewer 2", 3, "A late decision on a withdrawn review.", T0);
        events.hold(ids.get(3), 2);
        events.reject(ids.get(4), 2);
        events.vote(ids.get(5), 1, 3, 50, 1);
        events.vote(ids.get(5), 1, 2, 0, 40);
        events.vote(UUID.randomUUID(), 1, 1, 5, 0); // a vote for a review never published
        return ids;
    }

    @Test
    void theRebuiltPageDataEqualsTheLiveOne() {
        aBusyFilm();
        awaitCaughtUp();
        JsonPath liveAll = checksum("");
        JsonPath liveFilm = checksum("?film=" + filmId);
        Map<String, String> livePages = everyPage();
        assertThat(liveFilm.getLong("visibleReviews")).isEqualTo(10);
        assertThat(JsonPath.from(livePages.get("newest")).getInt("reviewCount")).isEqualTo(10);

        JsonPath report = rebuild();
        assertThat(report.getLong("eventsApplied")).isGreaterThanOrEqualTo(34);
        assertThat(report.getList("partitionsNotFromZero")).isEmpty();
        assertThat(report.getString("result.sha256")).isEqualTo(liveAll.getString("sha256"));

        assertThat(checksum("").getString("sha256")).isEqualTo(liveAll.getString("sha256"));
        assertThat(checksum("?film=" + filmId).getString("sha256")).isEqualTo(liveFilm.getString("sha256"));
        assertThat(everyPage()).isEqualTo(livePages);
    }

    @Test
    void aLogOverManyFilmsWithCopiesAndABrokenDecisionRebuildsToWhatTheLiveConsumersBuilt() {
        // Films on every partition: the rebuild folds a partition of the three topics at a time.
        for (int f = 0; f < 24; f++) {
            ReviewEvents film = new ReviewEvents(kafka, UUID.randomUUID().toString());
            for (int r = 0; r < 3; r++) {
                UUID id = UUID.randomUUID();
                film.publish(id, 1, "Many " + f + "-" + r, 1 + (f + r) % 10,
                        "Film " + f + ", review " + r + ".\tTab\\slash\nline",
                        T0.plusSeconds(f * 10 + r));
                film.vote(id, 1, 1, r, f % 2);
                if (r == 2) {
                    film.withdraw(id, 1);
                }
            }
            if (f % 6 == 0) {
                // The same event twice (an outbox relay that resent it): applied once.
                UUID copied = UUID.randomUUID();
                String eventId = UUID.randomUUID().toString();
                ReviewDecided decided = new ReviewDecided(copied, film.filmId, 1, Decision.PUBLISH, new Scores(0.01, 0.1),
                        List.of(new Reason("test", "A test decision.")), new PublishedReview("Copied", "copied", 7, null,
                                "Sent twice.", false, List.of(), T0),
                        "engine/test", Instant.now());
                kafka.publish(eventId, decided, film.filmId.toString(), copied.toString());
                kafka.publish(eventId, decided, film.filmId.toString(), copied.toString());
            }
        }
        // A publication that does not carry the review: the live consumer dead-letters it, the rebuild skips it.
        events.decide(UUID.randomUUID(), 1, Decision.PUBLISH, null);
        awaitCaughtUp();
        JsonPath live = checksum("");

        JsonPath report = rebuild();
        assertThat(report.getLong("duplicatesSkipped")).isGreaterThanOrEqualTo(4);
        assertThat(report.getLong("unreadableSkipped")).isGreaterThanOrEqualTo(1);
        assertThat(report.getString("result.sha256")).isEqualTo(live.getString("sha256"));
        assertThat(report.getLong("result.visibleReviews")).isEqualTo(live.getLong("visibleReviews"));
        // The inbox holds every applied event again: the live consumers skip what the rebuild replayed.
        long inboxed = ((Number) QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("SELECT count(*) FROM inbox_event WHERE consumer = 'catalog.page'").getSingleResult()))
                .longValue();
        assertThat(inboxed).isEqualTo(report.getLong("eventsApplied"));
    }

    @Test
    void aDroppedReadModelComesBackFromTheLog() {
        aBusyFilm();
        awaitCaughtUp();
        String live = checksum("").getString("sha256");
        Map<String, String> livePages = everyPage();

        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("DELETE FROM page_review").executeUpdate();
            entityManager.createNativeQuery("DELETE FROM film_rating").executeUpdate();
        });
        assertThat(checksum("").getLong("reviewRows")).isZero();
        assertThat(given().get("/films/{id}", filmId).then().extract().jsonPath().getList("reviews.items")).isEmpty();

        rebuild();
        assertThat(checksum("").getString("sha256")).isEqualTo(live);
        assertThat(everyPage()).isEqualTo(livePages);
    }

    @Test
    void eventsArrivingDuringARebuildAreNeitherLostNorAppliedTwice() throws Exception {
        CompletableFuture<Void> traffic = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 60; i++) {
                UUID id = UUID.randomUUID();
                events.publish(id, 1, "Live " + i, 1 + i % 10, "Arrived while rebuilding, number " + i, T0.plusSeconds(i));
                events.vote(id, 1, 1, i % 4, 0);
                if (i % 10 == 9) {
                    events.withdraw(id, 1);
                }
            }
        });
        rebuild();
        rebuild();
        traffic.get(60, TimeUnit.SECONDS);
        awaitCaughtUp();

        JsonPath page = given().get("/films/{id}", filmId).then().statusCode(200).extract().jsonPath();
        assertThat(page.getInt("reviewCount")).isEqualTo(54);
        assertThat(page.getInt("rating.count")).isEqualTo(54);
        String live = checksum("").getString("sha256");
        Map<String, String> livePages = everyPage();

        rebuild();
        assertThat(checksum("").getString("sha256")).isEqualTo(live);
        assertThat(everyPage()).isEqualTo(livePages);
    }
}
