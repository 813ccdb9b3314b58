package org.filmreviews.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Moderation decided about one version of a review.
 *
 * @param review the review as published, present when {@code decision} publishes it
 * @param decidedBy {@code engine/<version>} for a machine decision, {@code readers} when readers' spoiler reports put
 *     a published review behind the spoiler warning, the moderator's user name otherwise
 * @param appeal optional; true when the decision answers the author's appeal
 */
public record ReviewDecided(
        UUID reviewId,
        UUID filmId,
        long version,
        Decision decision,
        Scores scores,
        List<Reason> reasons,
        PublishedReview review,
        String decidedBy,
        Instant decidedAt,
        Boolean appeal) {

    /** A decision with the fields of the first version of the contract only. */
    public ReviewDecided(UUID reviewId, UUID filmId, long version, Decision decision, Scores scores, List<Reason> reasons,
            PublishedReview review, String decidedBy, Instant decidedAt) {
        this(reviewId, filmId, version, decision, scores, reasons, review, decidedBy, decidedAt, null);
    }
}
