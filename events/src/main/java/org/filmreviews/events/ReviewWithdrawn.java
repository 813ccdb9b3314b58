package org.filmreviews.events;

import java.time.Instant;
import java.util.UUID;

/** The author deleted the review; it leaves the film page. */
public record ReviewWithdrawn(UUID reviewId, UUID filmId, long version, Instant withdrawnAt) {
}
