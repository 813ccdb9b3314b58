package org.filmreviews.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A review was written or edited and awaits moderation. {@code version} starts at 1 and grows with
 * every edit; consumers drop versions older than the one they hold.
 *
 * @param rating 1 to 10, or null when the author gave none
 * @param spoiler the author's own spoiler flag, always honoured downstream
 */
public record ReviewSubmitted(
        UUID reviewId,
        UUID filmId,
        long version,
        Author author,
        Integer rating,
        String headline,
        String body,
        boolean spoiler,
        Instant submittedAt) {
}
