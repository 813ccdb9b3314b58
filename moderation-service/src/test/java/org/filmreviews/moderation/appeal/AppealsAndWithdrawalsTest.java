package org.filmreviews.moderation.appeal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.filmreviews.moderation.Fixtures.HELD_LINK;
import static org.filmreviews.moderation.Fixtures.moderator;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.filmreviews.devinfra.test.EventTestClient;
import org.filmreviews.devinfra.test.RealInfraTestResource;
import org.filmreviews.events.CloudEventHeaders;
import org.filmreviews.events.Decision;
import org.filmreviews.events.ReviewAppealed;
import org.filmreviews.events.ReviewDecided;
import org.filmreviews.events.ReviewSubmitted;
import org.filmreviews.events.ReviewWithdrawn;
import org.filmreviews.events.Topics;
import org.filmreviews.moderation.Fixtures;
import org.filmreviews.moderation.cases.ModerationCaseRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Appeals and withdrawals arrive from review-service as events; here they are published on the real
 * broker exactly as review-service publishes them (its appeal endpoint is built in parallel).
 */
@QuarkusTest
class AppealsAndWithdrawalsTest {

    private static final String AD = "Watch Free for 30 Days\n\nStream thousands of hit movies and TV shows\n\nStart 30-day Free Trial";

    private EventTestClient kafka;

    @Inject
    EntityManager entityManager;

    @Inject
    ModerationCaseRepository cases;
    private final UUID film = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        kafka = new EventTestClient(RealInfraTestResource.bootstrapServers());
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    private void appeal(ReviewSubmitted review, String message) {
        kafka.publish(new ReviewAppealed(review.reviewId(), film, review.version(), review.author(), message, Instant.now()),
                film.toString(), review.reviewId().toString());
    }

    private JsonPath appeals() {
        return given().header("Authorization", moderator("mia")).get("/moderation/queue?appeal=true&filmId=" + film)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void anAppealedRejectionWaitsInTheQueueAndTheAnswerIsFlaggedAsAnAppeal() {
        ReviewSubmitted ad = Fixtures.submit(kafka, Fixtures.submission(film, "appellant", AD));
        assertThat(Fixtures.awaitCase(ad.reviewId()).getString("outcome")).isEqualTo("REJECT");

        appeal(ad, "This is my honest <b>opinion</b> of the film!");
        await().atMost(Duration.ofSeconds(60)).until(() -> appeals().getList("items").size() == 1);
        JsonPath queued = appeals();
        assertThat(queued.getString("items[0].reviewId")).isEqualTo(ad.reviewId().toString());
        assertThat(queued.getBoolean("items[0].appeal")).isTrue();
        assertThat(queued.getString("items[0].appealMessage")).isEqualTo("This is my honest <b>opinion</b> of the film!");
        assertThat(queued.getString("items[0].outcome")).isEqualTo("REJECT");
        assertThat(queued.getString("items[0].machineOutcome")).isEqualTo("REJECT");

        // a second appeal of the same review is ignored
        appeal(ad, "Again!");
        given().header("Authorization", moderator("mia")).contentType(ContentType.JSON)
                .body(Map.of("decision", "REJECT", "reason", "spam", "note", "Still an advertisement."))
                .post("/moderation/cases/{id}/decision", ad.reviewId())
                .then().statusCode(200).body("open", equalTo(false)).body("appeal", equalTo(true));

        List<ReviewDecided> decided = Fixtures.decisions(kafka, ad.reviewId(), 2);
        assertThat(decided.get(0).appeal()).isNull();
        ReviewDecided answer = decided.get(1);
        assertThat(answer.decision()).isEqualTo(Decision.REJECT);
        assertThat(answer.appeal()).isTrue();
        assertThat(answer.decidedBy()).isEqualTo("mia");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(given().header("Authorization", moderator("mia"))
                .get("/moderation/audit?reviewId={id}", ad.reviewId()).jsonPath().getList("items.action"))
                .containsExactly("MACHINE_DECISION", "APPEAL_RECEIVED", "DECISION"));
        JsonPath audit = given().header("Authorization", moderator("mia")).get("/moderation/audit?reviewId={id}", ad.reviewId())
                .then().statusCode(200).extract().jsonPath();
        assertThat(audit.getString("items[1].actor")).isEqualTo("appellant");
        assertThat(audit.getBoolean("items[2].appeal")).isTrue();
        assertThat(audit.getBoolean("items[2].overturned")).isFalse();
        assertThat(appeals().getList("items")).isEmpty();
    }

    @Test
    void anUpheldAppealPublishesTheReview() {
        String body = "Press kit scans: www.press-kits.example/mirror";
        ReviewSubmitted review = Fixtures.submit(kafka, Fixtures.submission(film, "upheld", body));
        given().header("Authorization", moderator("mia")).contentType(ContentType.JSON)
                .body(Map.of("decision", "REJECT", "reason", "spam"))
                .post("/moderation/cases/{id}/decision", review.reviewId()).then().statusCode(200);
        appeal(review, "The link is to a film archive, not a shop.");
        await().atMost(Duration.ofSeconds(60)).until(() -> appeals().getList("items").size() == 1);

        given().header("Authorization", moderator("bob")).contentType(ContentType.JSON)
                .body(Map.of("decision", "APPROVE", "note", "Right: an archive."))
                .post("/moderation/cases/{id}/decision", review.reviewId())
                .then().statusCode(200).body("outcome", equalTo("PUBLISH"));
        ReviewDecided answer = Fixtures.decisions(kafka, review.reviewId(), 3).get(2);
        assertThat(answer.decision()).isEqualTo(Decision.PUBLISH);
        assertThat(answer.appeal()).isTrue();
        assertThat(answer.review().body()).isEqualTo(body);
        // the human rejection was not the engine's: no overturn of the machine is counted
        JsonPath audit = given().header("Authorization", moderator("mia"))
                .get("/moderation/audit?reviewId={id}", review.reviewId())
                .jsonPath();
        assertThat(audit.getList("items.overturned")).containsOnlyNulls();
    }

    @Test
    void aWithdrawnReviewLeavesTheQueue() {
        ReviewSubmitted review = Fixtures.submit(kafka, Fixtures.submission(film, "withdrawer", HELD_LINK));
        assertThat(Fixtures.awaitCase(review.reviewId()).getBoolean("open")).isTrue();

        kafka.publish(new ReviewWithdrawn(review.reviewId(), film, 1, Instant.now()), film.toString(),
                review.reviewId().toString());
        await().atMost(Duration.ofSeconds(60)).until(() -> !Fixtures.awaitCase(review.reviewId()).getBoolean("open"));
        assertThat(Fixtures.awaitCase(review.reviewId()).getString("withdrawnAt")).isNotBlank();
        given().header("Authorization", moderator("mia")).post("/moderation/cases/{id}/claim", review.reviewId())
                .then().statusCode(409).contentType("application/problem+json");
        given().header("Authorization", moderator("mia")).get("/moderation/queue?filmId=" + film)
                .then().statusCode(200).body("items.size()", equalTo(0));
        assertThat(given().header("Authorization", moderator("mia")).get("/moderation/audit?reviewId={id}", review.reviewId())
                .jsonPath().getList("items.action")).containsExactly("MACHINE_DECISION", "WITHDRAWN");
    }

    @Test
    void aWithdrawnReviewsWordsAreErasedFromItsCaseItsFilmSecretsAndWhatTheEngineRemembers() {
        // The marker is letters only: a UUID's digit runs read as a phone number to the engine one time in seven,
        // and a rejected review never reaches the queue this test works through.
        String marker = UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        String secret = "The keeper was the daughter all along, and the letters were hers " + marker + ".";
        String body = HELD_LINK + " " + secret;
        ReviewSubmitted review = Fixtures.submit(kafka, Fixtures.submission(film, "eraser", body));
        assertThat(Fixtures.awaitCase(review.reviewId()).getBoolean("open")).isTrue();
        int start = body.indexOf(secret);
        given().header("Authorization", moderator("mia")).contentType(ContentType.JSON)
                .body(Map.of("decision", "APPROVE_SPOILER", "spoilerSentences",
                        List.of(Map.of("start", start, "end", start + secret.length()))))
                .post("/moderation/cases/{id}/decision", review.reviewId())
                .then().statusCode(200);
        assertThat(rowsSaying(secret)).as("before the withdrawal").isEqualTo(Map.of("film_secret", 1L, "moderation_case", 1L));

        kafka.publish(new ReviewWithdrawn(review.reviewId(), film, 2, Instant.now()), film.toString(),
                review.reviewId().toString());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Fixtures.awaitCase(review.reviewId()).getString("withdrawnAt") != null);

        assertThat(rowsSaying(secret)).isEqualTo(Map.of("film_secret", 0L, "moderation_case", 0L));
        JsonPath erased = Fixtures.awaitCase(review.reviewId());
        assertThat(erased.getString("body")).isEmpty();
        assertThat(erased.getString("headline")).isNull();
        assertThat(erased.getString("outcome")).as("what was decided stays").isEqualTo("PUBLISH_SPOILER");
        assertThat(cases.rememberedAfterRestart(1_000_000)).extracting(c -> c.reviewId).doesNotContain(review.reviewId());
        // The same words posted again by someone else are their own review, not a copy of the withdrawn one.
        JsonPath again = Fixtures.awaitCase(Fixtures.submit(kafka, Fixtures.submission(UUID.randomUUID(), "someone-else",
                "A different take, yet: " + secret + " Worth seeing twice for it.")).reviewId());
        assertThat(again.getList("reasons.code", String.class))
                .noneMatch(code -> code.contains("duplicate") || code.contains("copy"));
    }

    private Map<String, Long> rowsSaying(String words) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Long> counts = new java.util.TreeMap<>();
            for (String[] table : new String[][]{
                    {"moderation_case",
                            "coalesce(headline, '') || body || coalesce(appeal_message, '') || spoiler_sentences::text"},
                    {"film_secret", "sentence"}}) {
                Number count = (Number) entityManager
                        .createNativeQuery("SELECT count(*) FROM " + table[0] + " WHERE " + table[1] + " LIKE ?1")
                        .setParameter(1, "%" + words + "%").getSingleResult();
                counts.put(table[0], count.longValue());
            }
            return counts;
        });
    }

    @Test
    void aNewVersionReplacesTheOldOneInTheQueue() {
        ReviewSubmitted first = Fixtures.submit(kafka, Fixtures.submission(film, "editor", HELD_LINK));
        ReviewSubmitted edited = new ReviewSubmitted(first.reviewId(), film, 2, first.author(), 8, null,
                "Edited: the link is gone, and here is what I actually think of the film.", false, Instant.now());
        kafka.publish(edited, film.toString(), first.reviewId().toString());
        await().atMost(Duration.ofSeconds(60)).until(() -> Fixtures.awaitCase(first.reviewId()).getLong("version") == 2);
        given().header("Authorization", moderator("mia")).get("/moderation/queue?filmId=" + film)
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void anUnreadableAppealGoesToTheDeadLetterTopic() {
        String poison = UUID.randomUUID().toString();
        kafka.send(Topics.REVIEW_APPEALED, film.toString(), Map.of(CloudEventHeaders.ID, poison,
                CloudEventHeaders.TYPE, "reviews.review.appealed.v1", CloudEventHeaders.SOURCE, "/review-service"),
                "{\"reviewId\": 42}".getBytes());
        assertThat(kafka.read(Topics.deadLetter("moderation-service", Topics.REVIEW_APPEALED), Duration.ofSeconds(30),
                read -> read.stream().anyMatch(r -> poison.equals(EventTestClient.header(r, CloudEventHeaders.ID)))))
                .anySatisfy(r -> assertThat(EventTestClient.header(r, CloudEventHeaders.ID)).isEqualTo(poison));
    }
}
