package org.filmreviews.moderation.decision;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.filmreviews.moderation.Fixtures.HELD_LINK;
import static org.filmreviews.moderation.Fixtures.moderator;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;

import org.filmreviews.devinfra.test.EventTestClient;
import org.filmreviews.devinfra.test.Interleaving;
import org.filmreviews.devinfra.test.RealInfraTestResource;
import org.filmreviews.events.Decision;
import org.filmreviews.events.ReviewSubmitted;
import org.filmreviews.events.ReviewWithdrawn;
import org.filmreviews.moderation.Fixtures;
import org.filmreviews.moderation.cases.ModerationCase;
import org.filmreviews.moderation.cases.ModerationCaseRepository;
import org.filmreviews.moderation.screening.ModerationService;
import org.filmreviews.platform.domain.Conflict;
import org.filmreviews.platform.problem.DomainProblems;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Writers of the same review's cases, interleaved on purpose, and events of one review arriving on
 * different topics in either order: a moderator's committed decision is never undone, and a withdrawn
 * review never waits in the queue.
 */
@QuarkusTest
class ConcurrentCasesTest {

    @Inject
    UserTransaction transaction;

    @Inject
    ModerationService moderation;

    @Inject
    ModeratorDecisions decisions;

    @Inject
    ModerationCaseRepository cases;

    private EventTestClient kafka;
    private final UUID film = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        kafka = new EventTestClient(RealInfraTestResource.bootstrapServers());
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    @Test
    void aModeratorsDecisionTakenWhileANewVersionIsBeingModeratedIsNeverUndone() throws Exception {
        ReviewSubmitted first = Fixtures.submit(kafka, Fixtures.submission(film, "racer", HELD_LINK));
        assertThat(Fixtures.awaitCase(first.reviewId()).getBoolean("open")).isTrue();
        ReviewSubmitted second = new ReviewSubmitted(first.reviewId(), film, 2, first.author(), 7, null,
                "Edited while a moderator looks at the first version.", false, Instant.now());

        transaction.begin();
        moderation.apply(UUID.randomUUID().toString(), second);
        CompletableFuture<ModerationCase> decision = CompletableFuture
                .supplyAsync(() -> decisions.decide(first.reviewId(), "mia",
                        new HumanDecision(Decision.PUBLISH, null, "Fine by me.", null, 1L)));
        Interleaving.awaitBlockedOrDone(decision);
        transaction.commit();

        ModerationCase v1 = caseOf(first.reviewId(), 1);
        try {
            decision.get(20, TimeUnit.SECONDS);
            // accepted: then it must have stuck
            assertThat(v1.outcome).isEqualTo(Decision.PUBLISH);
            assertThat(v1.decidedBy).isEqualTo("mia");
        } catch (ExecutionException refused) {
            // or refused, because version 2 replaced the case in the queue before the moderator's turn
            assertThat(refused.getCause()).isInstanceOf(Conflict.class);
            assertThat(DomainProblems.toProblem((Conflict) refused.getCause()).status()).isEqualTo(409);
            assertThat(v1.open).isFalse();
            assertThat(v1.decidedBy).startsWith("engine/");
        }
    }

    @Test
    void aWithdrawalThatOvertakesItsSubmissionKeepsTheCaseOutOfTheQueue() {
        ReviewSubmitted review = Fixtures.submission(film, "quick-withdrawer", HELD_LINK);
        kafka.publish(new ReviewWithdrawn(review.reviewId(), film, 2, Instant.now()), film.toString(),
                review.reviewId().toString());
        await().atMost(Duration.ofSeconds(60)).until(() -> withdrawalRecorded(review.reviewId()));

        Fixtures.submit(kafka, review);
        var found = Fixtures.awaitCase(review.reviewId());
        assertThat(found.getBoolean("open")).isFalse();
        assertThat(found.getString("withdrawnAt")).isNotBlank();
        given().header("Authorization", moderator("mia")).get("/moderation/queue?filmId=" + film)
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    private ModerationCase caseOf(UUID reviewId, long version) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<ModerationCase> all = cases.list("reviewId = ?1 and version = ?2", reviewId, version);
            return all.get(0);
        });
    }

    private static boolean withdrawalRecorded(UUID reviewId) throws Exception {
        try (Connection db = RealInfraTestResource.databaseConnection();
                Statement sql = db.createStatement();
                ResultSet rs = sql
                        .executeQuery("SELECT count(*) FROM review_withdrawal WHERE review_id = '" + reviewId + "'")) {
            rs.next();
            return rs.getLong(1) == 1;
        }
    }
}
