package org.filmreviews.events;

import java.time.Instant;
import java.util.List;

/**
 * A review exactly as it is to appear on the film page, so that the catalog needs nothing else.
 *
 * @param author the author's display name
 * @param spoilerSentences the spans of {@code body} to hide behind "show spoiler"; empty when the
 *        whole review is a spoiler by the author's flag or no sentence could be singled out
 */
public record PublishedReview(
        String author,
        String authorUsername,
        Integer rating,
        String headline,
        String body,
        boolean spoiler,
        List<TextSpan> spoilerSentences,
        Instant submittedAt) {
}
