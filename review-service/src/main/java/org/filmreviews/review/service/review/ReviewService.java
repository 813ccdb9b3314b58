package org.filmreviews.review.service.review;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.filmreviews.events.Author;
import org.filmreviews.events.ReviewSubmitted;
import org.filmreviews.events.ReviewWithdrawn;
import org.filmreviews.platform.domain.Conflict;
import org.filmreviews.platform.domain.NotAllowed;
import org.filmreviews.platform.domain.NotFound;
import org.filmreviews.platform.domain.StaleVersion;
import org.filmreviews.platform.idempotency.IdempotentRequests;
import org.filmreviews.platform.outbox.Outbox;
import org.filmreviews.platform.paging.KeysetCursor;
import org.filmreviews.review.domain.Account;
import org.filmreviews.review.domain.KnownFilm;
import org.filmreviews.review.domain.Review;
import org.filmreviews.review.domain.ReviewStatus;
import org.filmreviews.review.repository.AccountRepository;
import org.filmreviews.review.repository.KnownFilmRepository;
import org.filmreviews.review.repository.ReviewRepository;

/**
 * Writing, editing and withdrawing reviews. Each change and the event announcing it commit in one
 * transaction; nothing is sent to Kafka while the request runs (the outbox relay does that).
 */
@ApplicationScoped
public class ReviewService {

    @Inject
    ReviewRepository reviews;

    @Inject
    KnownFilmRepository films;

    @Inject
    AccountRepository accounts;

    @Inject
    SubmissionRateLimit rateLimit;

    @Inject
    Outbox outbox;

    @Inject
    IdempotentRequests idempotentRequests;

    @Transactional
    public Review submit(UUID authorId, UUID filmId, ReviewDraft draft) {
        KnownFilm film = films.findById(filmId);
        if (film == null || film.retired) {
            throw new NotFound("No film with id " + filmId + " takes reviews.");
        }
        Account author = lockAuthor(authorId);
        ReviewDraft clean = draft.validated();
        reviews.findActive(authorId, filmId).ifPresent(existing -> {
            throw Conflict.with("/reviews/" + existing.id,
                    "You have already reviewed this film: edit your review at /reviews/" + existing.id + ".");
        });
        rateLimit.take(authorId);

        Review review = new Review();
        review.id = UUID.randomUUID();
        review.filmId = filmId;
        review.authorId = authorId;
        review.version = 1;
        review.submittedAt = Instant.now();
        apply(review, clean);
        reviews.persist(review);
        announceSubmitted(review, author);
        return review;
    }

    /**
     * A new version of the author's review. It goes through moderation again; the published version
     * stays on the film page until the new one is decided.
     *
     * @param expectedVersion the version the author edited (from {@code If-Match}), or null
     */
    @Transactional
    public Review edit(UUID authorId, UUID reviewId, Long expectedVersion, ReviewDraft draft) {
        Account author = lockAuthor(authorId);
        Review review = ownReview(authorId, reviewId);
        if (review.isWithdrawn()) {
            throw new Conflict("This review was withdrawn; write a new one instead.");
        }
        if (expectedVersion != null && expectedVersion != review.version) {
            throw StaleVersion.now(review.version, "The review has changed since version " + expectedVersion
                    + "; it is at version " + review.version + ".");
        }
        ReviewDraft clean = draft.validated();
        rateLimit.take(authorId);
        review.version++;
        apply(review, clean);
        announceSubmitted(review, author);
        return review;
    }

    /**
     * Removes the review from the film page for good; a later decision about it changes nothing. Its words are
     * erased here, at the source, in the same transaction: the row keeps only what the author's list and the
     * tallies need (film, rating, dates, version), and the sent events and stored replies that carried the text
     * are deleted. Moderation and the catalog erase their copies when the withdrawal reaches them.
     */
    @Transactional
    public Review withdraw(UUID authorId, UUID reviewId) {
        Review review = ownReview(authorId, reviewId);
        if (review.isWithdrawn()) {
            return review; // withdrawing twice is withdrawing once
        }
        review.version++;
        review.status = ReviewStatus.WITHDRAWN;
        review.onPage = false;
        review.withdrawnAt = Instant.now();
        review.updatedAt = review.withdrawnAt;
        review.headline = null;
        review.body = "";
        review.appealMessage = null;
        outbox.forgetSent(review.id.toString());
        idempotentRequests.forgetBodiesNaming(review.id.toString());
        outbox.append(new ReviewWithdrawn(review.id, review.filmId, review.version, review.withdrawnAt),
                review.filmId.toString(), review.id.toString());
        return review;
    }

    public Optional<Review> find(UUID id) {
        return reviews.findByIdOptional(id);
    }

    public List<Review> byAuthor(UUID authorId, KeysetCursor after, int limit) {
        return reviews.byAuthor(authorId, after, limit);
    }

    /** For moderation and support tools: a film's reviews, optionally of one author (by user name). */
    public List<Review> byFilm(UUID filmId, String authorUsername, KeysetCursor after, int limit) {
        if (authorUsername == null || authorUsername.isBlank()) {
            return reviews.byFilm(filmId, null, after, limit);
        }
        return accounts.findByUsername(authorUsername)
                .map(author -> reviews.byFilm(filmId, author.id, after, limit))
                .orElse(List.of());
    }

    /**
     * The author's review, locked until the transaction ends: votes, decisions, withdrawals and other
     * edits of the same review take turns, so none of them writes back a stale copy of the row.
     */
    Review ownReview(UUID authorId, UUID reviewId) {
        Review review = reviews.findById(reviewId, LockModeType.PESSIMISTIC_WRITE);
        if (review == null) {
            throw new NotFound("No review with id " + reviewId);
        }
        if (!review.authorId.equals(authorId)) {
            throw new NotAllowed("Only its author can change a review.");
        }
        return review;
    }

    /** Serialises an author's writes, so the one-per-film rule and the rate limit hold under races. */
    private Account lockAuthor(UUID authorId) {
        Account author = accounts.findById(authorId, LockModeType.PESSIMISTIC_WRITE);
        if (author == null) {
            throw new NotAllowed("Your account no longer exists.");
        }
        return author;
    }

    private static void apply(Review review, ReviewDraft draft) {
        review.rating = draft.rating();
        review.headline = draft.headline();
        review.body = draft.body();
        review.spoiler = draft.spoiler();
        review.status = ReviewStatus.SUBMITTED;
        review.reasons = List.of();
        review.decidedAt = null;
        review.updatedAt = Instant.now();
    }

    private void announceSubmitted(Review review, Account author) {
        outbox.append(new ReviewSubmitted(review.id, review.filmId, review.version,
                new Author(author.id.toString(), author.username, author.displayName),
                review.rating, review.headline, review.body, review.spoiler, review.submittedAt),
                review.filmId.toString(), review.id.toString());
    }
}
