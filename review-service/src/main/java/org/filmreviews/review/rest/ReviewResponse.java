package org.filmreviews.review.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.filmreviews.review.domain.ModerationReason;
import org.filmreviews.review.domain.Review;
import org.filmreviews.review.domain.ReviewStatus;

/** A review with where it stands in moderation and why. */
public record ReviewResponse(
        UUID id,
        UUID filmId,
        long version,
        ReviewStatus status,
        List<ModerationReason> reasons,
        Integer rating,
        String headline,
        String body,
        boolean spoiler,
        Instant submittedAt,
        Instant decidedAt) {

    static ReviewResponse of(Review review) {
        return new ReviewResponse(review.id, review.filmId, review.version, review.status, review.reasons, review.rating,
                review.headline, review.body, review.spoiler, review.submittedAt, review.decidedAt);
    }
}
