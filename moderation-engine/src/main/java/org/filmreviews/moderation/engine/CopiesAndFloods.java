package org.filmreviews.moderation.engine;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The spam signals that need the memory of recent submissions: a near-copy of another author's text, and one author
 * posting nearly the same text again and again. Owns the engine's use of its {@link SubmissionMemory}.
 */
final class CopiesAndFloods {

    private static final double DUPLICATE_WEIGHT = 0.75;
    private static final double FLOOD_WEIGHT = 0.8;

    private final EngineSettings settings;
    private final SubmissionMemory memory;

    CopiesAndFloods(EngineSettings settings, SubmissionMemory memory) {
        this.settings = settings;
        this.memory = memory;
    }

    /**
     * Adds the copy and flood findings for a submission; with {@code remember} it is also remembered (replacing what
     * was remembered under its review id, which therefore never counts against itself).
     */
    void addFindings(Submission submission, TextAnalyser.Analysed whole, List<Finding> findings, boolean remember) {
        int[] signature = MinHash.signature(whole.words());
        SubmissionMemory.Entry arrival = entryOf(submission, signature);
        int[] bandKeys = bandKeysOf(whole, signature);
        SubmissionMemory.Neighbours near = memory.neighbours(arrival, bandKeys, settings.floodWindow().toMillis(), remember);

        // The closest earlier copy; of equally close ones the earliest, which the others copied.
        SubmissionMemory.Entry copied = null;
        double closest = settings.nearDuplicateSimilarity();
        for (SubmissionMemory.Entry candidate : near.candidates()) {
            double similarity = MinHash.similarity(signature, candidate.signature());
            if (similarity > closest || (similarity == closest && (copied == null
                    || candidate.submittedAtMillis() < copied.submittedAtMillis()))) {
                copied = candidate;
                closest = similarity;
            }
        }
        if (copied != null) {
            findings.add(new Finding(Finding.Signal.SPAM, "spam.duplicate", String.format(Locale.ROOT,
                    "The text is nearly identical (%d%% alike) to review %s, which another author posted earlier%s.",
                    Math.round(closest * 100), copied.reviewId(),
                    copied.filmId().equals(submission.filmId()) ? " for this film" : " for another film"), DUPLICATE_WEIGHT));
        }
        int similarEarlier = 0;
        for (SubmissionMemory.Entry post : near.authorPosts()) {
            if (MinHash.similarity(signature, post.signature()) >= settings.floodSimilarity()) {
                similarEarlier++;
            }
        }
        if (similarEarlier >= settings.floodAllowance()) {
            findings.add(new Finding(Finding.Signal.SPAM, "spam.flood", String.format(Locale.ROOT,
                    "The author has posted %d nearly identical texts within %d minutes; only the first %d publish without a moderator.",
                    similarEarlier + 1, settings.floodWindow().toMinutes(), settings.floodAllowance()), FLOOD_WEIGHT));
        }
    }

    /** Remembers a submission without looking for copies or floods. */
    void remember(Submission submission, TextAnalyser.Analysed whole) {
        int[] signature = MinHash.signature(whole.words());
        memory.remember(entryOf(submission, signature), bandKeysOf(whole, signature), settings.floodWindow().toMillis());
    }

    void forget(String reviewId) {
        memory.forget(reviewId);
    }

    private static SubmissionMemory.Entry entryOf(Submission submission, int[] signature) {
        return new SubmissionMemory.Entry(nullToEmpty(submission.reviewId()), nullToEmpty(submission.authorId()),
                nullToEmpty(submission.filmId()), millisOf(submission), signature);
    }

    /** Texts shorter than {@code nearDuplicateMinWords} are never compared as copies: no bands. */
    private int[] bandKeysOf(TextAnalyser.Analysed whole, int[] signature) {
        return whole.words().size() >= settings.nearDuplicateMinWords() ? MinHash.bandKeys(signature) : new int[0];
    }

    private static long millisOf(Submission submission) {
        Instant at = submission.submittedAt();
        return (at == null ? Instant.now() : at).toEpochMilli();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
