package org.filmreviews.moderation.queue;

import java.util.UUID;

import org.filmreviews.platform.domain.InvalidInput;

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
        return new QueueFilter(film("filmId", filmId), code("reason", reason), score("minSpam", minSpam),
                score("minSpoiler", minSpoiler), bool("appeal", appeal), bool("reported", reported));
    }

    private static UUID film(String name, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field(name, "must be a UUID");
        }
    }

    private static String code(String name, String value) {
        if (blank(value)) {
            return null;
        }
        String code = value.strip();
        if (code.length() > 64 || !code.matches("[a-z0-9.-]+")) {
            throw InvalidInput.field(name, "must be a finding code such as spam.link");
        }
        return code;
    }

    private static Double score(String name, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            double score = Double.parseDouble(value.strip());
            if (score >= 0 && score <= 1) {
                return score;
            }
        } catch (NumberFormatException e) {
            // refused below, like a number out of range
        }
        throw InvalidInput.field(name, "must be a number from 0 to 1");
    }

    private static Boolean bool(String name, String value) {
        if (blank(value)) {
            return null;
        }
        return switch (value.strip()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw InvalidInput.field(name, "must be true or false");
        };
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
