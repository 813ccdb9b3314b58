package org.filmreviews.moderation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.filmreviews.moderation.Fixtures.moderator;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.filmreviews.devinfra.test.EventTestClient;
import org.filmreviews.devinfra.test.RealInfraTestResource;
import org.filmreviews.events.ReviewSubmitted;
import org.filmreviews.moderation.domain.EngineModel;
import org.filmreviews.moderation.engine.EngineSettings;
import org.filmreviews.moderation.engine.ModerationEngine;
import org.filmreviews.moderation.engine.Thresholds;
import org.filmreviews.moderation.service.EngineConfig;
import org.filmreviews.moderation.service.ModelStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Moderator decisions teach the engine, and what it learned is kept in PostgreSQL for the next start. */
@QuarkusTest
class LearningTest {

    private EventTestClient kafka;
    private final UUID film = UUID.randomUUID();

    @Inject
    ModerationEngine engine;

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
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery("SELECT count(*) FROM engine_lesson").getSingleResult()).longValue());
    }

    @Test
    void aDecisionIsLearnedOnceAndTheLearnedStateIsStored() {
        long learnedBefore = engine.decisionsLearned();
        ReviewSubmitted review = Fixtures.submit(kafka, Fixtures.submission(film, "learner",
                "Meet singles tonight at www.lonely-hearts.example, the film is boring anyway."));
        given().header("Authorization", moderator("mia")).contentType(ContentType.JSON).body(Map.of("decision", "REJECT", "reason", "spam"))
                .post("/moderation/cases/{id}/decision", review.reviewId()).then().statusCode(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> engine.decisionsLearned() > learnedBefore && lessonsWaiting() == 0);
        EngineModel saved = store.latest().orElseThrow();
        assertThat(saved.decisionsLearned).isEqualTo(engine.decisionsLearned());
        assertThat(saved.engineVersion).isEqualTo(ModerationEngine.VERSION);
        // what a restart would restore is exactly what the running engine knows
        ModerationEngine restored = ModerationEngine.restore(saved.snapshot, config.settings());
        assertThat(restored.decisionsLearned()).isEqualTo(engine.decisionsLearned());
        assertThat(restored.snapshot()).isEqualTo(engine.snapshot());

        given().header("Authorization", moderator("mia")).get("/moderation/stats").then().statusCode(200)
                .body("engine.decisionsLearned", org.hamcrest.Matchers.greaterThanOrEqualTo((int) saved.decisionsLearned))
                .body("engine.lessonsPending", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void aTakeDownForAReasonTheTextDoesNotShowTeachesNothing() {
        ReviewSubmitted clean = Fixtures.submit(kafka, Fixtures.submission(film, "context",
                "A fine review that only later turned out to be part of a harassment campaign."));
        await().atMost(Duration.ofSeconds(60)).until(() -> lessonsWaiting() == 0);
        long learnedBefore = engine.decisionsLearned();
        given().header("Authorization", moderator("mia")).contentType(ContentType.JSON).body(Map.of("reason", "abuse"))
                .post("/moderation/cases/{id}/take-down", clean.reviewId()).then().statusCode(200);
        assertThat(lessonsWaiting()).isZero();
        assertThat(engine.decisionsLearned()).isEqualTo(learnedBefore);
    }

    @Test
    void theEngineSettingsComeFromApplicationProperties() {
        EngineSettings settings = config.settings();
        assertThat(settings.thresholds()).isEqualTo(new Thresholds(0.85, 0.5, 0.5, 0.5));
        assertThat(settings).isEqualTo(EngineSettings.DEFAULTS);
        assertThat(config.learnEvery()).isPositive();
    }
}
