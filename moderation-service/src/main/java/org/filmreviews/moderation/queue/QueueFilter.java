package org.filmreviews.moderation.queue;

import java.util.UUID;

import org.filmreviews.platform.rest.QueryParams;

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

    /**
     * The filter as a client writes it in a query; a blank part filters nothing. A part that is not understood
     * is refused naming it, with the same words as every other query parameter of the services, so the JSON
     * API answers 400 and the console says so above the whole queue.
     */
    public static QueueFilter parse(String filmId, String reason, String minSpam, String minSpoiler, String appeal,
            String reported) {
        return new QueueFilter(QueryParams.uuid("filmId", filmId), QueryParams.code("reason", reason),
                QueryParams.score("minSpam", minSpam), QueryParams.score("minSpoiler", minSpoiler),
                QueryParams.bool("appeal", appeal), QueryParams.bool("reported", reported));
    }
}
