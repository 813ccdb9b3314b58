package org.filmreviews.events;

import java.time.Instant;
import java.util.UUID;

/** The author of a rejected review asks a moderator to look again (once per review). */
public record ReviewAppealed(UUID reviewId, UUID filmId, long version, Author author, String message, Instant appealedAt) {
}
