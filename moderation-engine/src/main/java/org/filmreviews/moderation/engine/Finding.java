package org.filmreviews.moderation.engine;

/**
 * One signal that fired, in words a moderator can read.
 *
 * @param code stable machine name, for example {@code spam.promotion}
 * @param weight how much it added to its score, between 0 and 1
 */
public record Finding(Signal signal, String code, String message, double weight) {

    public enum Signal {
        SPAM, SPOILER
    }
}
