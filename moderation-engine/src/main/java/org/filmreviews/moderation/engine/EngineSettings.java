package org.filmreviews.moderation.engine;

import java.time.Duration;

/**
 * Everything about the engine that is configuration rather than learned. {@link #DEFAULTS} is what the tests and
 * the README describe; change one value with the {@code with…} methods.
 *
 * @param thresholds where scores become outcomes
 * @param spamClassifierWeight the most the spam classifier can add to the spam score; kept below
 *     {@link Thresholds#rejectSpam()} so that the classifier alone can hold a review but never reject it
 * @param spoilerClassifierWeight the most the spoiler classifier can add to a sentence's spoiler score
 * @param expectedSpamShare the share of spam expected in real traffic; the classifier's probabilities are moved
 *     from its training balance to this one
 * @param expectedSpoilerShare the share of spoiler sentences expected in real reviews, used the same way
 * @param sentenceContextWeight how much the other sentences of a review lend a sentence their spoiler score: plot
 *     retelling comes in runs
 * @param nearDuplicateMinWords texts with fewer words are never compared for copying ("Great movie!" from many
 *     people is not an attack)
 * @param nearDuplicateSimilarity estimated Jaccard similarity of word shingles from which a text counts as a copy
 * @param memoryCapacity how many past reviews the near-duplicate index remembers, across all films
 * @param floodWindow how far back one author's posts are compared with each other
 * @param floodAllowance how many near-identical posts one author may make in the window before the next is held
 * @param floodSimilarity similarity from which two posts of the same author count as the same text
 * @param learningWeight how strongly one moderator decision moves the classifiers, relative to one training line
 * @param learnThresholds whether moderator decisions may move {@code rejectSpam}, {@code holdSpam} and {@code spoiler}
 *     within the bounds {@link ThresholdTuner} sets around {@link #thresholds}; when off, the decisions are still
 *     kept as evidence but the configured thresholds stay in force
 */
public record EngineSettings(
        Thresholds thresholds,
        double spamClassifierWeight,
        double spoilerClassifierWeight,
        double expectedSpamShare,
        double expectedSpoilerShare,
        double sentenceContextWeight,
        int nearDuplicateMinWords,
        double nearDuplicateSimilarity,
        int memoryCapacity,
        Duration floodWindow,
        int floodAllowance,
        double floodSimilarity,
        double learningWeight,
        boolean learnThresholds) {

    public static final EngineSettings DEFAULTS = new EngineSettings(
            Thresholds.DEFAULTS, 0.6, 0.55, 0.05, 0.3, 0.3, 12, 0.7, 50_000, Duration.ofMinutes(30), 3, 0.6, 3.0, true);

    public EngineSettings {
        if (thresholds == null) {
            throw new IllegalArgumentException("thresholds are required");
        }
        if (floodWindow == null || floodWindow.isNegative()) {
            throw new IllegalArgumentException("floodWindow must be a positive duration");
        }
        if (spamClassifierWeight < 0 || spamClassifierWeight >= 1 || spoilerClassifierWeight < 0
                || spoilerClassifierWeight >= 1) {
            throw new IllegalArgumentException("classifier weights must be in [0, 1)");
        }
        if (memoryCapacity < 1 || floodAllowance < 1 || nearDuplicateMinWords < 1) {
            throw new IllegalArgumentException("memoryCapacity, floodAllowance and nearDuplicateMinWords must be positive");
        }
    }

    /** The same with threshold learning on, as by default; for callers written before the switch existed. */
    public EngineSettings(Thresholds thresholds, double spamClassifierWeight, double spoilerClassifierWeight,
            double expectedSpamShare, double expectedSpoilerShare, double sentenceContextWeight, int nearDuplicateMinWords,
            double nearDuplicateSimilarity, int memoryCapacity, Duration floodWindow, int floodAllowance,
            double floodSimilarity, double learningWeight) {
        this(thresholds, spamClassifierWeight, spoilerClassifierWeight, expectedSpamShare, expectedSpoilerShare,
                sentenceContextWeight, nearDuplicateMinWords, nearDuplicateSimilarity, memoryCapacity, floodWindow,
                floodAllowance,
                floodSimilarity, learningWeight, true);
    }

    public EngineSettings withThresholds(Thresholds value) {
        return new EngineSettings(value, spamClassifierWeight, spoilerClassifierWeight, expectedSpamShare, expectedSpoilerShare,
                sentenceContextWeight, nearDuplicateMinWords, nearDuplicateSimilarity, memoryCapacity, floodWindow,
                floodAllowance,
                floodSimilarity, learningWeight, learnThresholds);
    }

    /** Shares of spam and spoilers expected in real traffic; a value outside (0, 1) keeps the training balance. */
    public EngineSettings withExpectedShares(double spam, double spoiler) {
        return new EngineSettings(thresholds, spamClassifierWeight, spoilerClassifierWeight, spam, spoiler,
                sentenceContextWeight, nearDuplicateMinWords, nearDuplicateSimilarity, memoryCapacity, floodWindow,
                floodAllowance,
                floodSimilarity, learningWeight, learnThresholds);
    }

    public EngineSettings withMemoryCapacity(int value) {
        return new EngineSettings(thresholds, spamClassifierWeight, spoilerClassifierWeight, expectedSpamShare,
                expectedSpoilerShare,
                sentenceContextWeight, nearDuplicateMinWords, nearDuplicateSimilarity, value, floodWindow, floodAllowance,
                floodSimilarity, learningWeight, learnThresholds);
    }

    public EngineSettings withFlood(Duration window, int allowance) {
        return new EngineSettings(thresholds, spamClassifierWeight, spoilerClassifierWeight, expectedSpamShare,
                expectedSpoilerShare,
                sentenceContextWeight, nearDuplicateMinWords, nearDuplicateSimilarity, memoryCapacity, window, allowance,
                floodSimilarity, learningWeight, learnThresholds);
    }

    public EngineSettings withSentenceContextWeight(double value) {
        return new EngineSettings(thresholds, spamClassifierWeight, spoilerClassifierWeight, expectedSpamShare,
                expectedSpoilerShare,
                value, nearDuplicateMinWords, nearDuplicateSimilarity, memoryCapacity, floodWindow, floodAllowance,
                floodSimilarity, learningWeight, learnThresholds);
    }

    /** How strongly one moderator decision moves the classifiers, relative to one training line. */
    public EngineSettings withLearningWeight(double value) {
        return new EngineSettings(thresholds, spamClassifierWeight, spoilerClassifierWeight, expectedSpamShare,
                expectedSpoilerShare,
                sentenceContextWeight, nearDuplicateMinWords, nearDuplicateSimilarity, memoryCapacity, floodWindow,
                floodAllowance,
                floodSimilarity, value, learnThresholds);
    }

    /** Whether moderator decisions may move the thresholds ({@code true} by default). */
    public EngineSettings withThresholdLearning(boolean value) {
        return new EngineSettings(thresholds, spamClassifierWeight, spoilerClassifierWeight, expectedSpamShare,
                expectedSpoilerShare,
                sentenceContextWeight, nearDuplicateMinWords, nearDuplicateSimilarity, memoryCapacity, floodWindow,
                floodAllowance,
                floodSimilarity, learningWeight, value);
    }
}
