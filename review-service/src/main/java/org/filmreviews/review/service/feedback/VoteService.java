package org.filmreviews.review.service.feedback;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.filmreviews.events.ReviewVoted;
import org.filmreviews.platform.domain.NotAllowed;
import org.filmreviews.platform.domain.NotFound;
import org.filmreviews.platform.outbox.Outbox;
import org.filmreviews.review.domain.Review;
import org.filmreviews.review.domain.ReviewVote;
import org.filmreviews.review.repository.AccountRepository;
import org.filmreviews.review.repository.ReviewRepository;
import org.filmreviews.review.repository.ReviewVoteRepository;
import org.filmreviews.review.service.throttle.AccessThrottles;

/**
 * Helpful / not helpful votes: one per person and review, changeable, never by the author. Every
 * change publishes the new totals (reviews.review-voted.v1) for "most helpful first", so changes are
 * limited per account ({@code filmreviews.throttle.votes-per-account}): each one costs an event, a
 * catalog transaction and a page notice.
 */
@ApplicationScoped
public class VoteService {

    @Inject
    ReviewRepository reviews;

    @Inject
    ReviewVoteRepository votes;

    @Inject
    Outbox outbox;

    @Inject
    AccountRepository accounts;

    @Inject
    AccessThrottles throttles;

    /** The review's totals after the vote. */
    public record Totals(int helpful, int notHelpful) {
    }

    @Transactional
    public Totals vote(UUID voterId, UUID reviewId, boolean helpful) {
        Review review = votable(voterId, reviewId);
        ReviewVote vote = votes.findById(new ReviewVote.Key(reviewId, voterId));
        if (vote != null && vote.helpful == helpful) {
            return new Totals(review.helpfulVotes, review.notHelpfulVotes); // the same vote again changes nothing
        }
        throttles.vote(voterId);
        boolean first = vote == null;
        if (first) {
            vote = new ReviewVote();
            vote.reviewId = reviewId;
            vote.voterId = voterId;
        } else {
            count(review, vote.helpful, -1);
        }
        vote.helpful = helpful;
        vote.votedAt = Instant.now();
        if (first) {
            votes.persist(vote);
        }
        count(review, helpful, +1);
        return announce(review, vote.votedAt);
    }

    @Transactional
    public Totals unvote(UUID voterId, UUID reviewId) {
        Review review = votable(voterId, reviewId);
        ReviewVote vote = votes.findById(new ReviewVote.Key(reviewId, voterId));
        if (vote == null) {
            return new Totals(review.helpfulVotes, review.notHelpfulVotes);
        }
        throttles.vote(voterId);
        count(review, vote.helpful, -1);
        votes.delete(vote);
        return announce(review, Instant.now());
    }

    private Review votable(UUID voterId, UUID reviewId) {
        // The voter first (its vote count is limited), then the review: the order reports and edits take.
        if (accounts.findById(voterId, LockModeType.PESSIMISTIC_WRITE) == null) {
            throw new NotAllowed("Your account no longer exists.");
        }
        // Locked: concurrent votes on one review must not lose a count or reuse a tally.
        Review review = reviews.findById(reviewId, LockModeType.PESSIMISTIC_WRITE);
        if (review == null || !review.onPage || review.isWithdrawn()) {
            throw new NotFound("No published review with id " + reviewId);
        }
        if (review.authorId.equals(voterId)) {
            throw new NotAllowed("You cannot vote on your own review.");
        }
        return review;
    }

    private static void count(Review review, boolean helpful, int delta) {
        if (helpful) {
            review.helpfulVotes += delta;
        } else {
            review.notHelpfulVotes += delta;
        }
    }

    private Totals announce(Review review, Instant at) {
        review.voteTally++;
        outbox.append(new ReviewVoted(review.id, review.filmId, review.version, review.voteTally, review.helpfulVotes,
                review.notHelpfulVotes, at), review.filmId.toString(), review.id.toString());
        return new Totals(review.helpfulVotes, review.notHelpfulVotes);
    }
}
