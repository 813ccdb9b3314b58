package org.filmreviews.moderation.learning;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.filmreviews.moderation.Fixtures.moderator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.filmreviews.devinfra.test.EventTestClient;
import org.filmreviews.devinfra.test.RealInfraTestResource;
import org.filmreviews.events.ReviewSubmitted;
import org.filmreviews.moderation.Fixtures;
import org.filmreviews.moderation.engine.EffectiveThresholds;
import org.filmreviews.moderation.engine.EngineSettings;
import org.filmreviews.moderation.engine.FilmFacts;
import org.filmreviews.moderation.engine.ModerationEngine;
import org.filmreviews.moderation.engine.Outcome;
import org.filmreviews.moderation.engine.Submission;
import org.filmreviews.moderation.engine.Thresholds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Moderator decisions teach the engine, and what it learned is kept in PostgreSQL for the next start. */
@QuarkusTest
class LearningTest {

    private EventTestClient kafka;
    private final UUID film = UUID.randomUUID();

    @Inject
    SharedEngine engines;

    @Inject
    ModelStore store;

    @Inject
    EngineConfig config;

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

    private long lessonsWaiting() {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager.createNativeQuery("SELECT count(*) FROM engine_lesson").getSingleResult())
                        .longValue());
    }

    @Test
    void aDecisionIsLearnedOnceAndTheLearnedStateIsStored() {
        long learnedBefore = engines.current().decisionsLearned();
        ReviewSubmitted review = Fixtures.submit(kafka, Fixtures.submission(film, "learner",
                "Meet singles tonight at www.lonely-hearts.example, the film is boring anyway."));
        given().header("Authorization", moderator("mia")).contentType(ContentType.JSON)
                .body(Map.of("decision", "REJECT", "reason", "spam"))
                .post("/moderation/cases/{id}/decision", review.reviewId()).then().statusCode(200);

        await().atMost(Duration.ofSeconds(60))
                .until(() -> engines.current().decisionsLearned() > learnedBefore && lessonsWaiting() == 0);
        EngineModel saved = store.latest().orElseThrow();
        assertThat(saved.decisionsLearned).isEqualTo(engines.current().decisionsLearned());
        assertThat(saved.engineVersion).isEqualTo(ModerationEngine.VERSION);
        // what a restart would restore is exactly what the running engine knows
        ModerationEngine restored = ModerationEngine.builder().settings(config.settings()).restoring(saved.snapshot).build();
        assertThat(restored.decisionsLearned()).isEqualTo(engines.current().decisionsLearned());
        assertThat(restored.snapshot()).isEqualTo(engines.current().snapshot());

        given().header("Authorization", moderator("mia")).get("/moderation/stats").then().statusCode(200)
                .body("engine.decisionsLearned", org.hamcrest.Matchers.greaterThanOrEqualTo((int) saved.decisionsLearned))
                .body("engine.lessonsPending", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void aTakeDownForAReasonTheTextDoesNotShowTeachesNothing() {
        ReviewSubmitted clean = Fixtures.submit(kafka, Fixtures.submission(film, "context",
                "A fine review that only later turned out to be part of a harassment campaign."));
        await().atMost(Duration.ofSeconds(60)).until(() -> lessonsWaiting() == 0);
        long learnedBefore = engines.current().decisionsLearned();
        given().header("Authorization", moderator("mia")).contentType(ContentType.JSON).body(Map.of("reason", "abuse"))
                .post("/moderation/cases/{id}/take-down", clean.reviewId()).then().statusCode(200);
        assertThat(lessonsWaiting()).isZero();
        assertThat(engines.current().decisionsLearned()).isEqualTo(learnedBefore);
    }

    /**
     * A fan pointing readers to a fan board: a call to action and nothing else (spam 0.5), held by the configured
     * holdSpam. Under twelve words, so that many authors writing it is not taken for copying.
     */
    private static String fanBoardNote(int i) {
        List<String> openers = List.of("Haunting score.", "Slow but rewarding.", "Superb lead actress.", "Lovely photography.",
                "Warm and funny.", "Sharp editing throughout.");
        return openers.get(i % openers.size()) + " Follow me on the fan board for more.";
    }

    @Test
    void moderatorsPublishingHeldReviewsRaiseHoldSpamAndARestartKeepsIt() {
        double configuredHold = config.settings().thresholds().holdSpam();
        assertThat(engines.current().thresholds().thresholds().holdSpam()).as("no other test publishes reviews held at 0.5")
                .isEqualTo(configuredHold);

        // More than the 30 decisions the rule asks for, so that a held review another test rejects cannot tip it.
        List<ReviewSubmitted> held = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ReviewSubmitted review = Fixtures.submission(film, "fan-" + i, fanBoardNote(i));
            kafka.publish(review, review.filmId().toString(), review.reviewId().toString());
            held.add(review);
        }
        for (ReviewSubmitted review : held) {
            JsonPath c = Fixtures.awaitCase(review.reviewId());
            assertThat(c.getString("machineOutcome")).isEqualTo("HOLD");
            assertThat(c.getDouble("spamScore")).isGreaterThanOrEqualTo(configuredHold).isLessThan(configuredHold + 0.1);
        }
        for (ReviewSubmitted review : held) {
            given().header("Authorization", moderator("mia")).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                    .post("/moderation/cases/{id}/decision", review.reviewId()).then().statusCode(200);
        }

        // EngineTraining learns the lessons and the effective holdSpam rises above what they scored.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> lessonsWaiting() == 0 && engines.current().thresholds().thresholds().holdSpam() > configuredHold);
        EffectiveThresholds learned = engines.current().thresholds();
        assertThat(learned.holdSpam().learned()).isTrue();
        assertThat(learned.holdSpam().decisions()).isGreaterThanOrEqualTo(30);
        assertThat(learned.thresholds().holdSpam()).isLessThanOrEqualTo(configuredHold + 0.1 + 1e-9);
        assertThat(learned.configured()).isEqualTo(config.settings().thresholds());

        given().header("Authorization", moderator("mia")).get("/moderation/stats").then().statusCode(200)
                .body("engine.thresholds.learning", org.hamcrest.Matchers.equalTo(true))
                .body("engine.thresholds.holdSpam.configured", org.hamcrest.Matchers.equalTo((float) configuredHold))
                .body("engine.thresholds.holdSpam.value",
                        org.hamcrest.Matchers.equalTo((float) learned.thresholds().holdSpam()))
                .body("engine.thresholds.holdSpam.decisions", org.hamcrest.Matchers.greaterThanOrEqualTo(30))
                .body("engine.thresholds.holdSpam.reason", org.hamcrest.Matchers.containsString("published"))
                .body("engine.thresholds.rejectSpam.value",
                        org.hamcrest.Matchers.equalTo((float) learned.thresholds().rejectSpam()))
                .body("engine.thresholds.decisions", org.hamcrest.Matchers.greaterThanOrEqualTo(40));

        // The next review of the kind publishes without waiting for a moderator.
        ReviewSubmitted next = Fixtures.submit(kafka, Fixtures.submission(film, "fan-next", fanBoardNote(40)));
        JsonPath published = Fixtures.awaitCase(next.reviewId());
        assertThat(published.getString("machineOutcome")).isEqualTo("PUBLISH");
        assertThat(published.getDouble("spamScore")).isGreaterThanOrEqualTo(configuredHold);

        // A restart restores the newest stored state: the same thresholds, the same verdict.
        ModerationEngine restarted = ModerationEngine.builder().settings(config.settings())
                .restoring(store.latest().orElseThrow().snapshot).build();
        assertThat(restarted.thresholds()).isEqualTo(learned);
        Submission probe = new Submission(UUID.randomUUID().toString(), film.toString(), "someone", null, fanBoardNote(41),
                false, null);
        assertThat(restarted.assessText(probe, FilmFacts.UNKNOWN).outcome()).isEqualTo(Outcome.PUBLISH);
        // ...and without the stored state the configured threshold would still hold it.
        assertThat(
                ModerationEngine.builder().settings(config.settings()).build().assessText(probe, FilmFacts.UNKNOWN).outcome())
                .isEqualTo(Outcome.HOLD);
    }

    @Test
    void theEngineSettingsComeFromApplicationProperties() {
        EngineSettings settings = config.settings();
        assertThat(settings.thresholds()).isEqualTo(new Thresholds(0.85, 0.5, 0.5, 0.5));
        assertThat(settings).isEqualTo(EngineSettings.DEFAULTS);
        assertThat(config.learnThresholds()).isTrue();
        assertThat(config.learnEvery()).isPositive();
    }
}
