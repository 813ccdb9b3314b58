package org.filmreviews.moderation.engine;

import java.util.List;
import java.util.Objects;

/**
 * Puts a {@link ModerationEngine} together; every option has a default, so {@code ModerationEngine.builder().build()}
 * is the shipped engine:
 * <ul>
 * <li>{@link #settings}: {@link EngineSettings#DEFAULTS};</li>
 * <li>{@link #classifiers}: the shipped model, trained on the project's own corpus (a fresh copy per engine);</li>
 * <li>{@link #spamCalibration}: none, spam evidence is combined with fixed weights;</li>
 * <li>{@link #sentenceMeaning}: none, spoilers are read from words only;</li>
 * <li>{@link #memory}: recent submissions are remembered in this process only;</li>
 * <li>{@link #restoring}: none, the engine starts from what it was given and has learned nothing.</li>
 * </ul>
 * A snapshot brings its own classifiers and calibration, so {@link #restoring} excludes those two options.
 */
public final class EngineBuilder {

    private EngineSettings settings = EngineSettings.DEFAULTS;
    private TextClassifier spamClassifier;
    private TextClassifier spoilerClassifier;
    private SpamCalibration spamCalibration;
    private SentenceMeaning meaning;
    private SubmissionMemory memory;
    private byte[] snapshot;

    EngineBuilder() {
    }

    /**
     * The settings; the thresholds in them are the configured ones, from which learned thresholds start. A restored
     * engine derives its learned thresholds again from the stored decisions around these, so changed configuration
     * moves their bounds at once.
     */
    public EngineBuilder settings(EngineSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        return this;
    }

    /** Classifiers trained elsewhere, for example on a data set in the bench; the engine keeps and updates them. */
    public EngineBuilder classifiers(TextClassifier spamClassifier, TextClassifier spoilerClassifier) {
        this.spamClassifier = Objects.requireNonNull(spamClassifier, "spamClassifier");
        this.spoilerClassifier = Objects.requireNonNull(spoilerClassifier, "spoilerClassifier");
        return this;
    }

    /**
     * Weights learned for the kind of traffic at hand, replacing the fixed-weight combination of spam evidence;
     * {@code null}: the fixed weights.
     */
    public EngineBuilder spamCalibration(SpamCalibration spamCalibration) {
        this.spamCalibration = spamCalibration;
        return this;
    }

    /**
     * A second spoiler model that reads what sentences mean; {@code null}: words only. It is not part of
     * {@link ModerationEngine#snapshot()}: whoever supplies the encoder keeps its classifier too.
     */
    public EngineBuilder sentenceMeaning(SentenceMeaning meaning) {
        this.meaning = meaning;
        return this;
    }

    /** Where recent submissions are remembered, for example one shared by several instances; {@code null}: this process. */
    public EngineBuilder memory(SubmissionMemory memory) {
        this.memory = memory;
        return this;
    }

    /**
     * Continue from a {@link ModerationEngine#snapshot()} (any format written so far); {@code null}: start afresh.
     * The snapshot is read by {@link #build()}, which throws {@link IllegalArgumentException} for bytes that are not one.
     */
    public EngineBuilder restoring(byte[] snapshot) {
        this.snapshot = snapshot;
        return this;
    }

    public ModerationEngine build() {
        EngineSnapshotCodec.Learned learned;
        if (snapshot != null) {
            if (spamClassifier != null || spamCalibration != null) {
                throw new IllegalStateException("A restored engine takes its classifiers and calibration from the snapshot");
            }
            learned = EngineSnapshotCodec.read(snapshot);
        } else {
            learned = new EngineSnapshotCodec.Learned(0,
                    spamClassifier != null ? spamClassifier : ShippedModel.spamClassifier(),
                    spoilerClassifier != null ? spoilerClassifier : ShippedModel.spoilerClassifier(),
                    spamCalibration, List.of());
        }
        return new ModerationEngine(settings, learned, meaning,
                memory != null ? memory : SubmissionMemory.inMemory(settings));
    }
}
