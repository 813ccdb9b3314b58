package org.filmreviews.moderation.engine;

/**
 * Where scores turn into outcomes. Spam is checked first: a review at or above {@code rejectSpam} is rejected, at or
 * above {@code holdSpam} it waits for a moderator; otherwise it publishes, behind a spoiler warning when its spoiler
 * score reaches {@code spoiler}. A sentence is hidden behind "show spoiler" when its own score reaches
 * {@code spoilerSentence}.
 */
public record Thresholds(double rejectSpam, double holdSpam, double spoiler, double spoilerSentence) {

    // A link or a phone number alone waits for a moderator; with any other spam signal it is rejected.
    public static final Thresholds DEFAULTS = new Thresholds(0.85, 0.5, 0.5, 0.5);

    public Thresholds {
        check("rejectSpam", rejectSpam);
        check("holdSpam", holdSpam);
        check("spoiler", spoiler);
        check("spoilerSentence", spoilerSentence);
        if (holdSpam > rejectSpam) {
            throw new IllegalArgumentException("holdSpam must not be above rejectSpam");
        }
    }

    private static void check(String name, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1], was " + value);
        }
    }
}
