package org.filmreviews.moderation.learning;

import java.time.Duration;

import org.filmreviews.moderation.engine.EngineSettings;
import org.filmreviews.moderation.engine.Thresholds;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code filmreviews.engine.*}: the engine's settings (see the engine's README for what each means) and
 * how the service keeps what it learns. The values live in application.properties.
 */
@ConfigMapping(prefix = "filmreviews.engine")
public interface EngineConfig {

    /** A spam score from which a review is rejected outright (the engine's {@code Thresholds}). */
    double rejectSpam();

    /** A spam score from which a review waits for a moderator instead of publishing. */
    double holdSpam();

    /** A spoiler score from which a published review carries a spoiler warning. */
    double spoiler();

    /** A sentence's spoiler score from which it is hidden behind "show spoiler". */
    double spoilerSentence();

    /**
     * The most the spam classifier can add to a spam score; below reject-spam, so it alone can hold but never
     * reject.
     */
    double spamClassifierWeight();

    /** The most the spoiler classifier can add to a sentence's spoiler score. */
    double spoilerClassifierWeight();

    /** The share of spam expected in real traffic, which the classifier's probabilities are moved to. */
    double expectedSpamShare();

    /** The share of spoiler sentences expected in real reviews, used the same way. */
    double expectedSpoilerShare();

    /** How much a review's other sentences lend a sentence their spoiler score (retelling comes in runs). */
    double sentenceContextWeight();

    /** Texts with fewer words are never compared for copying. */
    int nearDuplicateMinWords();

    /** The similarity of word shingles from which a text counts as a copy. */
    double nearDuplicateSimilarity();

    /** How many past reviews the near-duplicate index remembers, across all films. */
    int memoryCapacity();

    /** How far back one author's posts are compared with each other. */
    Duration floodWindow();

    /** How many near-identical posts one author may make in the window before the next is held. */
    int floodAllowance();

    /** The similarity from which two posts of the same author count as the same text. */
    double floodSimilarity();

    /** How strongly one moderator decision moves the classifiers, relative to one training line. */
    double learningWeight();

    /** Whether moderators' decisions move rejectSpam, holdSpam and spoiler (within bounds around the values above). */
    @WithDefault("true")
    boolean learnThresholds();

    /** How many recent cases the engine re-reads at start-up to spot copies and floods. */
    int memoryWarmUp();

    /** How often moderator decisions waiting to be learned are taught to the engine and its state stored. */
    Duration learnEvery();

    /** How many stored engine states to keep; the newest is the one restored. */
    int keepSnapshots();

    default EngineSettings settings() {
        return new EngineSettings(new Thresholds(rejectSpam(), holdSpam(), spoiler(), spoilerSentence()),
                spamClassifierWeight(), spoilerClassifierWeight(), expectedSpamShare(), expectedSpoilerShare(),
                sentenceContextWeight(), nearDuplicateMinWords(), nearDuplicateSimilarity(), memoryCapacity(), floodWindow(),
                floodAllowance(), floodSimilarity(), learningWeight(), learnThresholds());
    }
}
