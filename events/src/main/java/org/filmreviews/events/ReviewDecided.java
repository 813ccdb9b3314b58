package org.filmreviews.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Moderation decided about one version of a review.
 *
 * @param review the review as published, present when {@code decision} publishes it
 * @param decidedBy {@code engine/<version>} for a machine decision, the moderator's user name otherwise
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
        Instant decidedAt) {
}
