package org.filmreviews.moderation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class SpamCalibrationTest {

    private static Finding rule(String code, double weight) {
        return new Finding(Finding.Signal.SPAM, code, "A rule fired.", weight);
    }

    @Test
    void aSignalThatIsCommonInHamLosesItsWeightAndATellingOneKeepsIt() {
        Random random = new Random(5);
        List<SpamCalibration.Evidence> evidence = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            boolean spam = i % 5 == 0;
            List<Finding> findings = new ArrayList<>();
            if (random.nextDouble() < 0.3) {
                findings.add(rule("spam.price", 0.3)); // as common in ham as in spam
            }
            if (spam && random.nextDouble() < 0.6) {
                findings.add(rule("spam.phone", 0.7)); // only in spam
            }
            double p = spam ? 0.3 + 0.6 * random.nextDouble() : 0.05 + 0.5 * random.nextDouble();
            evidence.add(new SpamCalibration.Evidence(p, findings));
            labels.add(spam);
        }
        SpamCalibration calibration = SpamCalibration.fit(evidence, labels, 1e-3);

        assertThat(calibration.findingWeights().get("spam.phone")).isGreaterThan(2);
        assertThat(Math.abs(calibration.findingWeights().get("spam.price"))).isLessThan(0.5);
        assertThat(calibration.classifierWeight()).isPositive();
        assertThat(calibration.score(new SpamCalibration.Evidence(0.5, List.of(rule("spam.phone", 0.7)))))
                .isGreaterThan(calibration.score(new SpamCalibration.Evidence(0.5, List.of(rule("spam.price", 0.3)))));
    }

    @Test
    void theClassifierAloneCanHoldButNeverReject() {
        SpamCalibration trustsTheModel = new SpamCalibration(0, 5, Map.of("spam.link", 3.0));
        String spamWords = "free ringtones text win now claim prize";
        TextClassifier spam = TextClassifier.untrained(14, false).fit(List.of(
                new TextClassifier.Example(spamWords, true), new TextClassifier.Example("see you at dinner tonight", false)),
                30, 1);
        ModerationEngine engine = ModerationEngine.builder().settings(EngineSettings.DEFAULTS)
                .classifiers(spam, TextClassifier.untrained()).spamCalibration(trustsTheModel).build();

        Verdict wordsOnly = engine.assessText(new Submission("1", "f", "a", null, spamWords, false, Instant.EPOCH),
                FilmFacts.UNKNOWN);
        assertThat(wordsOnly.spamScore()).isLessThan(EngineSettings.DEFAULTS.thresholds().rejectSpam());
        assertThat(wordsOnly.outcome()).isEqualTo(Outcome.HOLD);

        Verdict withLink = engine.assessText(
                new Submission("2", "f", "a", null, spamWords + " at www.prizes.example", false, Instant.EPOCH),
                FilmFacts.UNKNOWN);
        assertThat(withLink.outcome()).isEqualTo(Outcome.REJECT);
    }

    @Test
    void memoryFindingsTheCalibrationNeverSawKeepTheirFixedWeight() {
        SpamCalibration calibration = new SpamCalibration(-6, 1, Map.of("spam.link", 3.0));
        ModerationEngine engine = ModerationEngine.builder().settings(EngineSettings.DEFAULTS)
                .classifiers(ShippedModel.spamClassifier(), ShippedModel.spoilerClassifier())
                .spamCalibration(calibration).build();
        String review = "A slow and beautiful film about two old friends who go back to the village where they grew up and find it changed.";
        Instant t0 = Instant.parse("2024-05-01T10:00:00Z");
        Verdict first = engine.assess(new Submission("1", "f", "author-1", null, review, false, t0), FilmFacts.UNKNOWN);
        Verdict copy = engine.assess(new Submission("2", "f", "author-2", null, review, false, t0.plusSeconds(60)),
                FilmFacts.UNKNOWN);
        assertThat(first.outcome()).isEqualTo(Outcome.PUBLISH);
        assertThat(copy.findings()).extracting(Finding::code).contains("spam.duplicate");
        assertThat(copy.spamScore()).isGreaterThanOrEqualTo(0.75);
        assertThat(copy.outcome()).isEqualTo(Outcome.HOLD);
    }

    @Test
    void aSnapshotKeepsTheCalibrationAndOldSnapshotsStillRestore() {
        SpamCalibration calibration = new SpamCalibration(-1.5, 1.2, Map.of("spam.price", 0.1, "spam.phone", 2.0));
        ModerationEngine engine = ModerationEngine.builder().settings(EngineSettings.DEFAULTS)
                .classifiers(ShippedModel.spamClassifier(), ShippedModel.spoilerClassifier())
                .spamCalibration(calibration).build();
        byte[] snapshot = engine.snapshot();
        ModerationEngine restored = ModerationEngine.builder().restoring(snapshot).build();
        assertThat(restored.spamCalibration()).contains(calibration);
        Submission text = new Submission("x", "f", "a", null, "Call 0800 123 4567 now, only $5 per month", false,
                Instant.EPOCH);
        assertThat(restored.assessText(text, FilmFacts.UNKNOWN).spamScore())
                .isEqualTo(engine.assessText(text, FilmFacts.UNKNOWN).spamScore());

        // A format-1 snapshot (written before calibrations existed) is the same bytes without the trailing calibration
        // flag and, for an engine that has learned nothing, the empty window of threshold evidence (a count of 0).
        byte[] plain = ModerationEngine.builder().build().snapshot();
        byte[] formatOne = Arrays.copyOf(plain, plain.length - 1 - Integer.BYTES);
        ByteBuffer.wrap(formatOne).putInt(4, 1);
        ModerationEngine old = ModerationEngine.builder().restoring(formatOne).build();
        assertThat(old.spamCalibration()).isEmpty();
        assertThat(old.assessText(text, FilmFacts.UNKNOWN).spamScore())
                .isEqualTo(ModerationEngine.builder().build().assessText(text, FilmFacts.UNKNOWN).spamScore());
    }
}
