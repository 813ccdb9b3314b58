package org.filmreviews.moderation.engine;

import java.time.Instant;

/**
 * One version of a review as the engine sees it.
 *
 * @param authorFlaggedSpoiler the author's own spoiler flag; always honoured
 */
public record Submission(
        String reviewId,
        String filmId,
        String authorId,
        String headline,
        String body,
        boolean authorFlaggedSpoiler,
        Instant submittedAt) {

    /** Headline and body as one text, the headline first. */
    public String fullText() {
        return headline == null || headline.isBlank() ? body : headline + "\n" + body;
    }
}
