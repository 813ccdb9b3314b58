package org.filmreviews.moderation.service;

import java.util.UUID;

/**
 * Which waiting cases a moderator wants to see; every part is optional.
 *
 * @param reason a finding code of the engine, for example {@code spam.link}
 * @param minSpam lowest spam score, 0 to 1
 * @param minSpoiler lowest spoiler score, 0 to 1
 * @param appeal only appeals (true) or only held reviews (false)
 * @param reported only cases readers reported (true) or only the others (false)
 */
public record QueueFilter(UUID filmId, String reason, Double minSpam, Double minSpoiler, Boolean appeal, Boolean reported) {

    public static final QueueFilter ALL = new QueueFilter(null, null, null, null, null, null);
}
