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

    double rejectSpam();

    double holdSpam();

    double spoiler();

    double spoilerSentence();

    double spamClassifierWeight();

    double spoilerClassifierWeight();

    double expectedSpamShare();

    double expectedSpoilerShare();

    double sentenceContextWeight();

    int nearDuplicateMinWords();

    double nearDuplicateSimilarity();

    int memoryCapacity();

    Duration floodWindow();

    int floodAllowance();

    double floodSimilarity();

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
