package org.filmreviews.review.service.review;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.filmreviews.events.Author;
import org.filmreviews.events.ReviewAppealed;
import org.filmreviews.platform.domain.Conflict;
import org.filmreviews.platform.domain.InvalidInput;
import org.filmreviews.platform.json.UserText;
import org.filmreviews.platform.outbox.Outbox;
import org.filmreviews.review.domain.Account;
import org.filmreviews.review.domain.Review;
import org.filmreviews.review.domain.ReviewStatus;
import org.filmreviews.review.repository.AccountRepository;

/** The author of a rejected review may ask a moderator to look again, once. */
@ApplicationScoped
public class AppealService {

    public static final int MAX_MESSAGE = 2000;

    @Inject
    ReviewService reviews;

    @Inject
    AccountRepository accounts;

    @Inject
    Outbox outbox;

    @Transactional
    public Review appeal(UUID authorId, UUID reviewId, String message) {
        Review review = reviews.ownReview(authorId, reviewId);
        if (review.status != ReviewStatus.REJECTED) {
            throw new Conflict("Only a rejected review can be appealed; this one is " + review.status + ".");
        }
        if (review.appealedAt != null) {
            throw new Conflict("This review was appealed already; an author appeals once.");
        }
        String text = UserText.cleanOrNull(message);
        if (text != null && text.length() > MAX_MESSAGE) {
            throw InvalidInput.field("message", "must be at most " + MAX_MESSAGE + " characters");
        }
        Account author = accounts.findById(authorId);
        review.appealedAt = Instant.now();
        review.appealMessage = text;
        review.status = ReviewStatus.IN_REVIEW;
        review.updatedAt = review.appealedAt;
        outbox.append(new ReviewAppealed(review.id, review.filmId, review.version,
                new Author(author.id.toString(), author.username, author.displayName), text, review.appealedAt),
                review.filmId.toString(), review.id.toString());
        return review;
    }
}
