package org.filmreviews.moderation.decision;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.filmreviews.moderation.Fixtures.HELD_LINK;
import static org.filmreviews.moderation.Fixtures.moderator;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.filmreviews.devinfra.test.EventTestClient;
import org.filmreviews.devinfra.test.RealInfraTestResource;
import org.filmreviews.devinfra.test.TestTokens;
import org.filmreviews.events.Decision;
import org.filmreviews.events.ReviewDecided;
import org.filmreviews.events.ReviewSubmitted;
import org.filmreviews.events.TextSpan;
import org.filmreviews.moderation.Fixtures;
import org.filmreviews.platform.paging.CursorCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The moderator's API on a real broker and database: the queue, claims, decisions and their events,
 * take-downs, the audit log, statistics, and every way a client can get it wrong.
 */
@QuarkusTest
class ModeratorWorkflowTest {

    private EventTestClient kafka;
    private final UUID film = UUID.randomUUID();

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void setUp() {
        kafka = new EventTestClient(RealInfraTestResource.bootstrapServers());
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    private ReviewSubmitted held(String author, String body) {
        return Fixtures.submit(kafka, Fixtures.submission(film, author, body));
    }

    private JsonPath queue(String query) {
        return given().header("Authorization", moderator("mia")).when().get("/moderation/queue?filmId=" + film + query)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void heldReviewsWaitOldestFirstWithEverythingAModeratorNeeds() {
        Fixtures.film(kafka, film, "Mirror for a Hero");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> entityManager.createNativeQuery("SELECT count(*) FROM film_profile WHERE film_id = :id")
                                .setParameter("id", film)
                                .getSingleResult().toString().equals("1")));
        ReviewSubmitted first = held("linker", HELD_LINK);
        ReviewSubmitted spoiler = held("plotter",
                "Sergei's father forgives him in the end and Andrei dies in the mine explosion. Details at www.plot-notes.example");
        Fixtures.submit(kafka, Fixtures.submission(film, "linker", "A clean, warm review of a fine film about memory."));

        JsonPath page = queue("");
        assertThat(page.getList("items.reviewId")).containsExactly(first.reviewId().toString(), spoiler.reviewId().toString());
        assertThat(page.getString("next")).isNull();
        assertThat(page.getString("items[0].filmTitle")).isEqualTo("Mirror for a Hero");
        assertThat(page.getString("items[0].body")).isEqualTo(HELD_LINK);
        assertThat(page.getString("items[0].outcome")).isEqualTo("HOLD");
        assertThat(page.getDouble("items[0].spamScore")).isBetween(0.5, 0.85);
        assertThat(page.getList("items[0].reasons.code")).contains("spam.link");
        assertThat(page.getList("items[0].reasons.message", String.class)).allSatisfy(m -> assertThat(m).isNotBlank());
        // the author posted a clean review after the held one: history shows it
        assertThat(page.getLong("items[0].authorHistory.otherReviews")).isEqualTo(1);
        assertThat(page.getLong("items[0].authorHistory.rejected")).isZero();
        assertThat(page.getString("items[1].spoilerSentences[0].text")).contains("dies in the mine");

        assertThat(queue("&reason=spoiler.plot").getList("items.reviewId")).containsExactly(spoiler.reviewId().toString());
        assertThat(queue("&minSpoiler=0.5").getList("items.reviewId")).containsExactly(spoiler.reviewId().toString());
        assertThat(queue("&appeal=true").getList("items")).isEmpty();

        JsonPath firstPage = queue("&limit=1");
        assertThat(firstPage.getList("items.reviewId")).containsExactly(first.reviewId().toString());
        JsonPath secondPage = given().header("Authorization", moderator("mia")).get(firstPage.getString("next"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(secondPage.getList("items.reviewId")).containsExactly(spoiler.reviewId().toString());
    }

    @Test
    void aClaimKeepsOthersOffUntilItRunsOut() {
        ReviewSubmitted review = held("claimant", HELD_LINK);
        UUID id = review.reviewId();

        given().header("Authorization", moderator("mia")).post("/moderation/cases/{id}/claim", id)
                .then().statusCode(200).body("claim.by", equalTo("mia"));
        given().header("Authorization", moderator("mia")).post("/moderation/cases/{id}/claim", id)
                .then().statusCode(200).body("claim.by", equalTo("mia"));
        given().header("Authorization", moderator("bob")).post("/moderation/cases/{id}/claim", id)
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("mia"));
        given().header("Authorization", moderator("bob")).contentType(ContentType.JSON)
                .body(Map.of("decision", "APPROVE")).post("/moderation/cases/{id}/decision", id)
                .then().statusCode(409).contentType("application/problem+json");
        given().header("Authorization", moderator("bob")).delete("/moderation/cases/{id}/claim", id)
                .then().statusCode(409).contentType("application/problem+json");
        assertThat(Fixtures.awaitCase(id).getBoolean("open")).isTrue();

        // ten minutes later: the claim has run out
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE moderation_case SET claimed_until = now() - interval '1 second' WHERE review_id = :id")
                .setParameter("id", id).executeUpdate());
        given().header("Authorization", moderator("bob")).post("/moderation/cases/{id}/claim", id)
                .then().statusCode(200).body("claim.by", equalTo("bob"));
        given().header("Authorization", moderator("bob")).delete("/moderation/cases/{id}/claim", id)
                .then().statusCode(200).body("claim", nullValue());
        given().header("Authorization", moderator("mia")).post("/moderation/cases/{id}/claim", id)
                .then().statusCode(200).body("claim.by", equalTo("mia"));
    }

    @Test
    void approvingAsSpoilerPublishesTheReviewWithTheChosenSentences() {
        String body = "The mine scenes are stunning. In the end Andrei dies in the explosion. See www.mine-notes.example for more.";
        ReviewSubmitted review = held("chooser", body);
        UUID id = review.reviewId();
        int start = body.indexOf("In the end");
        int end = body.indexOf(" See www");

        given().header("Authorization", moderator("mia")).post("/moderation/cases/{id}/claim", id).then().statusCode(200);
        given().header("Authorization", moderator("mia")).contentType(ContentType.JSON)
                .body(Map.of("decision", "APPROVE_SPOILER", "spoilerSentences", List.of(Map.of("start", start, "end", end)),
                        "version", 1))
                .post("/moderation/cases/{id}/decision", id)
                .then().statusCode(200)
                .body("outcome", equalTo("PUBLISH_SPOILER"))
                .body("machineOutcome", equalTo("HOLD"))
                .body("decidedBy", equalTo("mia"))
                .body("open", equalTo(false));

        List<ReviewDecided> decided = Fixtures.decisions(kafka, id, 2);
        assertThat(decided).extracting(ReviewDecided::decision).containsExactly(Decision.HOLD, Decision.PUBLISH_SPOILER);
        ReviewDecided human = decided.get(1);
        assertThat(human.version()).isEqualTo(1);
        assertThat(human.decidedBy()).isEqualTo("mia");
        assertThat(human.appeal()).isNull();
        assertThat(human.review().body()).isEqualTo(body);
        assertThat(human.review().spoiler()).isTrue();
        assertThat(human.review().spoilerSentences()).containsExactly(new TextSpan(start, end));
        assertThat(human.reasons()).extracting(r -> r.code()).containsExactly("moderator.approved");

        assertThat(queue("").getList("items.reviewId")).doesNotContain(id.toString());
        given().header("Authorization", moderator("mia")).contentType(ContentType.JSON)
                .body(Map.of("decision", "REJECT", "reason", "spam"))
                .post("/moderation/cases/{id}/decision", id)
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("mia decided"));
    }

    @Test
    void rejectingNeedsAReasonFromTheListAndTellsTheAuthorInPlainWords() {
        ReviewSubmitted review = held("rejected", "Soundtrack scans on www.ost-scans.example today.");
        UUID id = review.reviewId();

        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("decision", "REJECT"),
                Map.of("decision", "REJECT", "reason", "looks fishy"),
                Map.of("decision", "REJECT", "reason", "other"),
                Map.of("decision", "MAYBE"),
                Map.of("decision", "APPROVE", "spoilerSentences", List.of(Map.of("start", 0, "end", 5))),
                Map.of("decision", "APPROVE_SPOILER", "spoilerSentences", List.of(Map.of("start", 0, "end", 10_000))),
                Map.of("decision", "APPROVE_SPOILER", "spoilerSentences", List.of(Map.of("start", 5, "end", 2))),
                Map.of("decision", "APPROVE_SPOILER", "spoilerSentences",
                        List.of(Map.of("start", 0, "end", 10), Map.of("start", 5, "end", 20))),
                Map.of("decision", "APPROVE", "note", "x".repeat(2001)),
                Map.of("decision", "APPROVE", "unknown", true))) {
            given().header("Authorization", moderator("mia")).contentType(ContentType.JSON).body(bad)
                    .post("/moderation/cases/{id}/decision", id)
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().header("Authorization", moderator("mia")).contentType(ContentType.JSON).body("{\"decision\": ")
                .post("/moderation/cases/{id}/decision", id).then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", moderator("mia")).contentType(ContentType.JSON)
                .body(Map.of("decision", "APPROVE", "version", 2))
                .post("/moderation/cases/{id}/decision", id).then().statusCode(409).contentType("application/problem+json");
        assertThat(Fixtures.awaitCase(id).getBoolean("open")).as("bad input changes nothing").isTrue();

        given().header("Authorization", moderator("mia")).contentType(ContentType.JSON)
                .body(Map.of("decision", "REJECT", "reason", "spam", "note", "The link leads to a shop."))
                .post("/moderation/cases/{id}/decision", id)
                .then().statusCode(200).body("outcome", equalTo("REJECT")).body("reasonCode", equalTo("spam"));

        ReviewDecided rejected = Fixtures.decisions(kafka, id, 2).get(1);
        assertThat(rejected.decision()).isEqualTo(Decision.REJECT);
        assertThat(rejected.review()).isNull();
        assertThat(rejected.reasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("moderator.spam");
            assertThat(r.message()).isEqualTo("Rejected by a moderator: Spam or advertising. The link leads to a shop.");
        });
    }

    @Test
    void unknownCasesAreNotFound() {
        UUID unknown = UUID.randomUUID();
        given().header("Authorization", moderator("mia")).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .post("/moderation/cases/{id}/decision", unknown).then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", moderator("mia")).post("/moderation/cases/{id}/claim", unknown)
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", moderator("mia")).post("/moderation/cases/not-a-uuid/claim")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", moderator("mia")).get("/moderation/audit?reviewId={id}", unknown)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void badQueryParametersAreProblems() {
        for (String query : List.of("filmId=nope", "minSpam=2", "minSpoiler=abc", "appeal=maybe", "limit=0", "limit=101",
                "limit=x", "cursor=%%%", "reason=<script>",
                // year 294,277 and a nanosecond field past Long: PostgreSQL or java.time refuse them, which was a 500
                "cursor=" + CursorCodec.encode("9224318016000:0:" + UUID.randomUUID()),
                "cursor=" + CursorCodec.encode("1700000000:99999999999999999999:" + UUID.randomUUID()))) {
            given().header("Authorization", moderator("mia")).get("/moderation/queue?" + query)
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().header("Authorization", moderator("mia")).get("/moderation/audit")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("reviewId"));
        given().header("Authorization", moderator("mia")).get("/moderation/audit?reviewId=42")
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", moderator("mia")).get("/moderation/stats?days=0")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void everyModerationEndpointIsForModeratorsAndAdminsOnly() {
        String id = UUID.randomUUID().toString();
        List<String[]> endpoints = List.of(
                new String[]{"GET", "/moderation/queue"},
                new String[]{"GET", "/moderation/stats"},
                new String[]{"GET", "/moderation/reasons"},
                new String[]{"GET", "/moderation/audit?reviewId=" + id},
                new String[]{"GET", "/moderation/cases/" + id},
                new String[]{"POST", "/moderation/cases/" + id + "/claim"},
                new String[]{"DELETE", "/moderation/cases/" + id + "/claim"},
                new String[]{"POST", "/moderation/cases/" + id + "/decision"},
                new String[]{"POST", "/moderation/cases/" + id + "/take-down"},
                new String[]{"POST", "/moderation/cases/" + id + "/restore"});
        for (String[] endpoint : endpoints) {
            given().contentType(ContentType.JSON).body("{\"decision\":\"APPROVE\",\"reason\":\"spam\"}")
                    .request(endpoint[0], endpoint[1])
                    .then().statusCode(401).contentType("application/problem+json");
            given().header("Authorization", TestTokens.bearer("alice", "reviewer")).contentType(ContentType.JSON)
                    .body("{\"decision\":\"APPROVE\",\"reason\":\"spam\"}")
                    .request(endpoint[0], endpoint[1])
                    .then().statusCode(403).contentType("application/problem+json");
            given().header("Authorization", "Bearer not.a.token").contentType(ContentType.JSON).body("{}")
                    .request(endpoint[0], endpoint[1])
                    .then().statusCode(401).contentType("application/problem+json");
        }
        given().header("Authorization", TestTokens.bearer("admin", "admin")).get("/moderation/queue").then().statusCode(200);
        given().header("Authorization", TestTokens.bearer("admin", "admin")).get("/moderation/reasons")
                .then().statusCode(200).body("code", hasItem("spam")).body("label", hasItem("Spam or advertising"));
    }

    @Test
    void aPublishedReviewIsTakenDownAndRestoredThroughTheSameEvent() {
        ReviewSubmitted clean = Fixtures.submit(kafka, Fixtures.submission(film, "published",
                "A quiet, thoughtful film about fathers and sons and a town that time forgot."));
        UUID id = clean.reviewId();
        assertThat(Fixtures.awaitCase(id).getString("outcome")).isEqualTo("PUBLISH");

        given().header("Authorization", moderator("mia")).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .post("/moderation/cases/{id}/decision", id).then().statusCode(409);
        given().header("Authorization", moderator("mia")).contentType(ContentType.JSON).body("{}")
                .post("/moderation/cases/{id}/restore", id).then().statusCode(409).contentType("application/problem+json");
        given().header("Authorization", moderator("mia")).contentType(ContentType.JSON).body(Map.of("reason", "nonsense"))
                .post("/moderation/cases/{id}/take-down", id).then().statusCode(400).contentType("application/problem+json");

        given().header("Authorization", moderator("mia")).contentType(ContentType.JSON)
                .body(Map.of("reason", "copied", "note", "Copied from a magazine."))
                .post("/moderation/cases/{id}/take-down", id)
                .then().statusCode(200).body("outcome", equalTo("REJECT")).body("takenDown", equalTo(true));
        given().header("Authorization", moderator("bob")).contentType(ContentType.JSON).body(Map.of("reason", "spam"))
                .post("/moderation/cases/{id}/take-down", id).then().statusCode(409);
        given().header("Authorization", moderator("bob")).contentType(ContentType.JSON)
                .body(Map.of("note", "The magazine quoted the author, not the other way round."))
                .post("/moderation/cases/{id}/restore", id)
                .then().statusCode(200).body("outcome", equalTo("PUBLISH")).body("takenDown", equalTo(false));

        List<ReviewDecided> decided = Fixtures.decisions(kafka, id, 3);
        assertThat(decided).extracting(ReviewDecided::decision).containsExactly(Decision.PUBLISH, Decision.REJECT,
                Decision.PUBLISH);
        assertThat(decided).extracting(ReviewDecided::version).containsOnly(1L);
        assertThat(decided.get(1).decidedBy()).isEqualTo("mia");
        assertThat(decided.get(2).decidedBy()).isEqualTo("bob");
        assertThat(decided.get(2).review().body()).isEqualTo(clean.body());

        JsonPath audit = given().header("Authorization", moderator("mia")).get("/moderation/audit?reviewId={id}", id)
                .then().statusCode(200).extract().jsonPath();
        assertThat(audit.getList("items.action")).containsExactly("MACHINE_DECISION", "TAKE_DOWN", "RESTORE");
        assertThat(audit.getList("items.actor")).containsExactly("engine/engine-2", "mia", "bob");
        assertThat(audit.getList("items.engineVersion")).containsOnly("engine-2");
        assertThat(audit.getBoolean("items[1].overturned")).isTrue();
        assertThat(audit.getString("items[1].reason")).contains("Copied from a magazine.");
    }

    @Test
    void theAuditLogRecordsEveryStepAndCannotBeRewritten() {
        ReviewSubmitted review = held("audited", HELD_LINK);
        UUID id = review.reviewId();
        given().header("Authorization", moderator("mia")).post("/moderation/cases/{id}/claim", id).then().statusCode(200);
        given().header("Authorization", moderator("mia")).contentType(ContentType.JSON)
                .body(Map.of("decision", "APPROVE", "reason", "The link goes to a film archive."))
                .post("/moderation/cases/{id}/decision", id).then().statusCode(200);

        JsonPath audit = given().header("Authorization", moderator("mia")).get("/moderation/audit?reviewId={id}", id)
                .then().statusCode(200).extract().jsonPath();
        assertThat(audit.getList("items.action")).containsExactly("MACHINE_DECISION", "CLAIM", "DECISION");
        assertThat(audit.getList("items.decision")).containsExactly("HOLD", null, "PUBLISH");
        assertThat(audit.getString("items[0].reason")).contains("link");
        assertThat(audit.getString("items[2].actor")).isEqualTo("mia");
        assertThat(audit.getString("items[2].reason")).contains("The link goes to a film archive.");
        assertThat(audit.getString("items[2].at")).isNotBlank();
        assertThat(audit.getString("items[2].engineVersion")).isEqualTo("engine-2");

        for (String sql : List.of("UPDATE audit_entry SET actor = 'nobody' WHERE review_id = :id",
                "DELETE FROM audit_entry WHERE review_id = :id")) {
            assertThat(catchSql(sql, id)).as(sql).contains("append-only");
        }
        assertThat(catchSql("TRUNCATE audit_entry", null)).contains("append-only");
        given().header("Authorization", moderator("mia")).get("/moderation/audit?reviewId={id}", id)
                .then().statusCode(200).body("items.actor", hasItem("mia"));
    }

    private String catchSql(String sql, UUID id) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                var query = entityManager.createNativeQuery(sql);
                if (id != null) {
                    query.setParameter("id", id);
                }
                query.executeUpdate();
            });
            return "no error";
        } catch (RuntimeException e) {
            StringBuilder messages = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                messages.append(t.getMessage()).append('\n');
            }
            return messages.toString();
        }
    }

    @Test
    void statisticsCountTheQueueTheModeratorsAndTheOverturns() {
        JsonPath before = given().header("Authorization", moderator("mia")).get("/moderation/stats")
                .then().statusCode(200).extract().jsonPath();
        ReviewSubmitted waiting = held("counted", HELD_LINK);
        ReviewSubmitted published = Fixtures.submit(kafka, Fixtures.submission(film, "counted",
                "An honest review of an honest film, with nothing to hide at all."));
        given().header("Authorization", moderator("stat-mod")).contentType(ContentType.JSON).body(Map.of("reason", "off-topic"))
                .post("/moderation/cases/{id}/take-down", published.reviewId()).then().statusCode(200);

        JsonPath after = given().header("Authorization", moderator("mia")).get("/moderation/stats")
                .then().statusCode(200).extract().jsonPath();
        assertThat(after.getLong("queue.size")).isGreaterThanOrEqualTo(1);
        assertThat(after.getLong("queue.oldestAgeSeconds")).isGreaterThanOrEqualTo(0);
        assertThat(after.getString("queue.oldestQueuedAt")).isNotBlank();
        assertThat(after.getList("decisionsPerModeratorPerDay.moderator")).contains("stat-mod");
        assertThat(after.getLong("machine.reviewed")).isEqualTo(before.getLong("machine.reviewed") + 1);
        assertThat(after.getLong("machine.overturned")).isEqualTo(before.getLong("machine.overturned") + 1);
        assertThat(after.getLong("machine.holds")).isGreaterThan(before.getLong("machine.holds"));
        assertThat(after.getDouble("machine.overturnRate")).isBetween(0.0, 1.0);
        assertThat(after.getString("engine.version")).isEqualTo("engine-2");
        assertThat(Fixtures.awaitCase(waiting.reviewId()).getBoolean("open")).isTrue();
    }
}
