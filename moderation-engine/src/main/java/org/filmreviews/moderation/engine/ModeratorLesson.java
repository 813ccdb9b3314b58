package org.filmreviews.moderation.engine;

import java.util.List;

/**
 * What a moderator decided about one review, for {@link ModerationEngine#learn}.
 *
 * @param submission the review as the engine judged it
 * @param film the film's facts, so that the spoiler score kept as evidence for the thresholds is the one
 *        {@link ModerationEngine#assess} gave (names beyond the synopsis count); {@code null} or
 *        {@link FilmFacts#UNKNOWN} when they are not known
 * @param outcome PUBLISH (neither spam nor a spoiler), PUBLISH_SPOILER (not spam, a spoiler) or REJECT (spam)
 * @param spoilerSentences the moderator's own choice of spoiler sentences (spans of the body), the other sentences
 *        then being learned as not spoilers; {@code null} lets the engine take the sentences it would hide
 */
public record ModeratorLesson(Submission submission, FilmFacts film, Outcome outcome, List<Span> spoilerSentences) {

    /** @throws IllegalArgumentException for HOLD (or no outcome), which is not a decision */
    public ModeratorLesson {
        if (outcome == null || outcome == Outcome.HOLD) {
            throw new IllegalArgumentException("Only PUBLISH, PUBLISH_SPOILER and REJECT can be learned, not " + outcome);
        }
        spoilerSentences = spoilerSentences == null ? null : List.copyOf(spoilerSentences);
    }

    /** A decision about a review of an unknown film, the spoiler sentences left to the engine. */
    public ModeratorLesson(Submission submission, Outcome outcome) {
        this(submission, FilmFacts.UNKNOWN, outcome, null);
    }
}
