package org.filmreviews.moderation.engine;

import java.util.List;

/**
 * The engine's decision with everything behind it.
 *
 * @param spamScore 0 (clean) to 1 (certainly spam)
 * @param spoilerScore 0 (no spoiler) to 1 (certainly a spoiler)
 * @param spoilerSentences the sentences of the body to hide behind "show spoiler"
 */
public record Verdict(
        Outcome outcome,
        double spamScore,
        double spoilerScore,
        List<Finding> findings,
        List<Span> spoilerSentences,
        String engineVersion) {

    public Verdict {
        findings = List.copyOf(findings);
        spoilerSentences = List.copyOf(spoilerSentences);
    }
}
