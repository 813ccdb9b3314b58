package org.filmreviews.review.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.filmreviews.review.domain.ModerationReason;
import org.filmreviews.review.domain.Review;
import org.filmreviews.review.domain.ReviewStatus;

/**
 * A review with where it stands in moderation and why.
 *
 * @param status SUBMITTED until the machine decides, IN_REVIEW while a moderator looks at it (or at the
 *        author's appeal), PUBLISHED, PUBLISHED_SPOILER, REJECTED or WITHDRAWN
 * @param reasons moderation's reasons for the current version, in words a person understands
 */
@Schema(description = "A review with where it stands in moderation and why")
public record ReviewResponse(
        UUID id,
        UUID filmId,
        @Schema(description = "Goes up with each edit (and with the withdrawal); the ETag, for If-Match") long version,
        @Schema(description = "SUBMITTED until the machine decides, IN_REVIEW while a moderator looks at it (or at the"
                + " author's appeal), then PUBLISHED, PUBLISHED_SPOILER (behind a spoiler warning), REJECTED or WITHDRAWN") ReviewStatus status,
        @Schema(description = "Moderation's reasons for the current version, in words a person understands") List<ModerationReason> reasons,
        Integer rating,
        String headline,
        String body,
        boolean spoiler,
        Votes votes,
        Instant submittedAt,
        Instant updatedAt,
        Instant decidedAt,
        Instant appealedAt,
        Instant withdrawnAt) {

    public record Votes(int helpful, int notHelpful) {
    }

    static ReviewResponse of(Review review) {
        return new ReviewResponse(review.id, review.filmId, review.version, review.status, review.reasons, review.rating,
                review.headline, review.body, review.spoiler, new Votes(review.helpfulVotes, review.notHelpfulVotes),
                review.submittedAt, review.updatedAt, review.decidedAt, review.appealedAt, review.withdrawnAt);
    }
}
