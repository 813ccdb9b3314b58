package org.filmreviews.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;

import org.filmreviews.devinfra.test.Interleaving;
import org.filmreviews.devinfra.test.RealInfraTestResource;
import org.filmreviews.events.Decision;
import org.filmreviews.events.EventCodec;
import org.filmreviews.events.PublishedReview;
import org.filmreviews.events.Reason;
import org.filmreviews.events.ReviewDecided;
import org.filmreviews.events.Scores;
import org.filmreviews.events.Topics;
import org.filmreviews.review.domain.Review;
import org.filmreviews.review.domain.ReviewStatus;
import org.filmreviews.review.repository.ReviewRepository;
import org.filmreviews.review.service.account.AccountService;
import org.filmreviews.review.service.feedback.VoteService;
import org.filmreviews.review.service.review.ReviewDraft;
import org.filmreviews.review.service.review.ReviewService;
import org.filmreviews.review.service.review.ReviewStatusService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Two writers of one review, interleaved on purpose: the first has read and changed the row but not
 * committed when the second starts. Whatever the order, both changes must survive, and each version
 * must be announced once. (Before the writers locked the row, the second commit was overwritten by
 * the first writer's stale copy of the whole row.)
 */
@QuarkusTest
class ConcurrentWritesTest {

    @Inject
    UserTransaction transaction;

    @Inject
    AccountService accounts;

    @Inject
    ReviewService reviews;

    @Inject
    VoteService votes;

    @Inject
    ReviewStatusService status;

    @Inject
    ReviewRepository repository;

    private UUID film;
    private UUID author;
    private UUID voter;

    @BeforeEach
    void setUp() {
        film = Fixtures.filmKnownToTheReplica();
        author = accounts.signUp("w-" + UUID.randomUUID().toString().substring(0, 8), "Writer", "long enough").id;
        voter = accounts.signUp("v-" + UUID.randomUUID().toString().substring(0, 8), "Voter", "long enough").id;
    }

    @Test
    void aVoteCastWhileAnEditIsInFlightIsNotUndoneByTheEdit() throws Exception {
        UUID id = published();

        transaction.begin();
        reviews.edit(author, id, null, new ReviewDraft(6, null, "Second thoughts, after a second viewing.", false));
        CompletableFuture<VoteService.Totals> vote = CompletableFuture.supplyAsync(() -> votes.vote(voter, id, true));
        Interleaving.awaitBlockedOrDone(vote);
        transaction.commit();
        vote.get(20, TimeUnit.SECONDS);

        Review review = reload(id);
        assertThat(review.version).isEqualTo(2);
        assertThat(review.body).isEqualTo("Second thoughts, after a second viewing.");
        assertThat(review.helpfulVotes).as("the tally agrees with the vote rows").isEqualTo(voteRows(id, true)).isEqualTo(1);
    }

    @Test
    void aReviewWhoseEditIsBeingModeratedCanStillBeVotedOn() {
        UUID id = published();
        reviews.edit(author, id, null, new ReviewDraft(6, null, "An edit that waits for moderation.", false));
        assertThat(reload(id).status).isEqualTo(ReviewStatus.SUBMITTED);

        assertThat(votes.vote(voter, id, true).helpful()).isEqualTo(1);
    }

    @Test
    void aDecisionOnTheOldVersionAppliedWhileAnEditIsInFlightDoesNotPutTheOldVersionBack() throws Exception {
        UUID id = reviews.submit(author, film, new ReviewDraft(8, null, "First version.", false)).id;

        transaction.begin();
        status.apply(UUID.randomUUID().toString(), decision(id, 1, Decision.PUBLISH));
        CompletableFuture<Review> edit = CompletableFuture
                .supplyAsync(() -> reviews.edit(author, id, null, new ReviewDraft(8, null, "Second version.", false)));
        Interleaving.awaitBlockedOrDone(edit);
        transaction.commit();
        edit.get(20, TimeUnit.SECONDS);

        Review review = reload(id);
        assertThat(review.version).isEqualTo(2);
        assertThat(review.body).isEqualTo("Second version.");
        assertThat(review.status).as("version 2 waits for its own decision").isEqualTo(ReviewStatus.SUBMITTED);
        assertThat(review.onPage).as("version 1 was published and stays on the page meanwhile").isTrue();
    }

    @Test
    void anEditRacingAWithdrawalAnnouncesEveryVersionOnce() throws Exception {
        UUID id = reviews.submit(author, film, new ReviewDraft(8, null, "First version.", false)).id;

        transaction.begin();
        reviews.edit(author, id, null, new ReviewDraft(8, null, "Second version.", false));
        CompletableFuture<Review> withdrawal = CompletableFuture.supplyAsync(() -> reviews.withdraw(author, id));
        Interleaving.awaitBlockedOrDone(withdrawal);
        transaction.commit();
        withdrawal.get(20, TimeUnit.SECONDS);

        Review review = reload(id);
        assertThat(review.status).isEqualTo(ReviewStatus.WITHDRAWN);
        assertThat(review.version).isEqualTo(3);
        // Read from the topics: the withdrawal deleted the outbox rows already sent (erasure), not their events.
        List<Long> submitted = Fixtures.eventsAbout(Topics.REVIEW_SUBMITTED, id.toString(), 2).stream()
                .map(r -> versionOf(new String(r.value(), java.nio.charset.StandardCharsets.UTF_8))).toList();
        List<Long> withdrawn = Fixtures.eventsAbout(Topics.REVIEW_WITHDRAWN, id.toString(), 1).stream()
                .map(r -> versionOf(new String(r.value(), java.nio.charset.StandardCharsets.UTF_8))).toList();
        assertThat(submitted).containsExactly(1L, 2L);
        assertThat(withdrawn).containsExactly(3L);
    }

    /** A review of {@code author}, published by moderation. */
    private UUID published() {
        UUID id = reviews.submit(author, film, new ReviewDraft(8, null, "Funny and sad at times.", false)).id;
        status.apply(UUID.randomUUID().toString(), decision(id, 1, Decision.PUBLISH));
        assertThat(reload(id).status).isEqualTo(ReviewStatus.PUBLISHED);
        return id;
    }

    private ReviewDecided decision(UUID id, long version, Decision decision) {
        return new ReviewDecided(id, film, version, decision, new Scores(0.1, 0.1), List.of(new Reason("clean", "Clean.")),
                decision.published() ? new PublishedReview("Writer", "writer", 8, null, "text", false, List.of(), Instant.now())
                        : null,
                "engine/test", Instant.now(), null);
    }

    private Review reload(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> repository.findById(id));
    }

    private static long voteRows(UUID id, boolean helpful) throws Exception {
        try (Connection db = RealInfraTestResource.databaseConnection();
                Statement sql = db.createStatement();
                ResultSet rs = sql.executeQuery(
                        "SELECT count(*) FROM review_vote WHERE review_id = '" + id + "' AND helpful = " + helpful)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long versionOf(String payload) {
        try {
            JsonNode tree = EventCodec.mapper().readTree(payload);
            return tree.get("version").asLong();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
