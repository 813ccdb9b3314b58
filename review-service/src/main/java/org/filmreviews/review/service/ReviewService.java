package org.filmreviews.review.service;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.filmreviews.events.Author;
import org.filmreviews.events.ReviewSubmitted;
import org.filmreviews.platform.json.UserText;
import org.filmreviews.platform.outbox.Outbox;
import org.filmreviews.platform.problem.ProblemException;
import org.filmreviews.review.domain.Account;
import org.filmreviews.review.domain.KnownFilm;
import org.filmreviews.review.domain.Review;
import org.filmreviews.review.domain.ReviewStatus;
import org.filmreviews.review.repository.AccountRepository;
import org.filmreviews.review.repository.KnownFilmRepository;
import org.filmreviews.review.repository.ReviewRepository;

/**
 * Writing reviews. The review row and its reviews.review-submitted.v1 event commit in one
 * transaction; nothing is sent to Kafka while the request runs (the outbox relay does that).
 */
@ApplicationScoped
public class ReviewService {

    public static final int MAX_BODY = 10_000;
    public static final int MAX_HEADLINE = 200;

    @Inject
    ReviewRepository reviews;

    @Inject
    KnownFilmRepository films;

    @Inject
    AccountRepository accounts;

    @Inject
    Outbox outbox;

    @Transactional
    public Review submit(UUID authorId, UUID filmId, ReviewDraft draft) {
        KnownFilm film = films.findById(filmId);
        if (film == null || film.retired) {
            throw ProblemException.notFound("No film with id " + filmId + " takes reviews.");
        }
        Account author = accounts.findById(authorId);
        if (author == null) {
            throw ProblemException.forbidden("Your account no longer exists.");
        }
        String body = UserText.cleanOrNull(draft.body());
        String headline = UserText.cleanOrNull(draft.headline());
        if (body == null) {
            throw ProblemException.invalidField("body", "must not be blank");
        }
        if (body.length() > MAX_BODY) {
            throw ProblemException.invalidField("body", "must be at most " + MAX_BODY + " characters");
        }
        if (headline != null && headline.length() > MAX_HEADLINE) {
            throw ProblemException.invalidField("headline", "must be at most " + MAX_HEADLINE + " characters");
        }
        if (draft.rating() != null && (draft.rating() < 1 || draft.rating() > 10)) {
            throw ProblemException.invalidField("rating", "must be between 1 and 10");
        }

        Review review = new Review();
        review.id = UUID.randomUUID();
        review.filmId = filmId;
        review.authorId = authorId;
        review.version = 1;
        review.rating = draft.rating();
        review.headline = headline;
        review.body = body;
        review.spoiler = draft.spoiler();
        review.status = ReviewStatus.SUBMITTED;
        review.submittedAt = Instant.now();
        review.updatedAt = review.submittedAt;
        reviews.persist(review);

        outbox.append(new ReviewSubmitted(review.id, filmId, review.version,
                new Author(author.id.toString(), author.username, author.displayName),
                review.rating, review.headline, review.body, review.spoiler, review.submittedAt),
                filmId.toString(), review.id.toString());
        return review;
    }

    public Optional<Review> find(UUID id) {
        return reviews.findByIdOptional(id);
    }
}
