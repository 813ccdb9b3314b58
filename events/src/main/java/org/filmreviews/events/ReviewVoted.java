package org.filmreviews.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone voted a published review helpful or not (or changed their vote). Carries the totals after
 * the vote, so a consumer needs no history; {@code tally} grows with every change of the totals of this
 * review, so consumers keep the highest they have seen.
 *
 * @param version the review version the vote was cast on
 */
public record ReviewVoted(
        UUID reviewId,
        UUID filmId,
        long version,
        long tally,
        int helpful,
        int notHelpful,
        Instant votedAt) {
}
