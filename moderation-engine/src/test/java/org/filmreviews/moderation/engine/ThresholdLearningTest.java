package org.filmreviews.moderation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

/** Moderator decisions move rejectSpam, holdSpam and spoiler within bounds, and the snapshot keeps what they moved. */
class ThresholdLearningTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final Thresholds CONFIGURED = EngineSettings.DEFAULTS.thresholds();
    /**
     * Decisions barely move the classifiers, so that what changes an outcome here is the thresholds alone: with the
     * usual weight a few rejections of one wording already teach the spam model to reject it by itself.
     */
    private static final EngineSettings STILL_CLASSIFIERS = EngineSettings.DEFAULTS.withLearningWeight(0.01);

    private static final List<String> OPENERS = List.of("The score is haunting", "A patient, slow drama",
            "The lead actress is superb", "Lovely black and white photography", "The second half drags a little",
            "A warm film about an old town", "Great chemistry between the brothers", "The ending stayed with me",
            "Funny and sad at times", "The editing is sharp", "A quiet film about a lighthouse", "The villain is a delight");
    private static final List<String> SITES = List.of("kino", "reel", "frame", "lens", "silver", "matinee", "projector",
            "cinema", "studio", "premiere", "curtain", "balcony", "nitrate");

    /** A link and a price: two kinds of spam evidence, 0.79, between holdSpam and rejectSpam. */
    private static String linkAndPrice(int i) {
        return OPENERS.get(i % OPENERS.size()) + "; more stills at www." + SITES.get(i % SITES.size())
                + "-archive.example, only $"
                + (3 + i) + " per month.";
    }

    /** A call to action and nothing else: 0.5, held, and in real traffic usually a fan talking about a fan club. */
    private static String callToAction(int i) {
        return OPENERS.get(i % OPENERS.size()) + ". Follow me on the " + SITES.get(i % SITES.size())
                + " fan board for my notes on the score.";
    }

    /** A request to get in touch: 0.45, published, unless moderators keep taking such reviews down as spam. */
    private static String contactRequest(int i) {
        return OPENERS.get(i % OPENERS.size()) + ". Contact me about the " + SITES.get(i % SITES.size())
                + " screenings next week.";
    }

    private static Submission submission(String id, String body) {
        return new Submission(id, "film-" + id, "author-" + id, null, body, false, T0);
    }

    private static Verdict judge(ModerationEngine engine, String body) {
        return engine.assessText(submission("probe", body), FilmFacts.UNKNOWN);
    }

    /** The same decisions, in the same order, to every engine. */
    private static void decide(int count, IntFunction<String> texts, Outcome decision, ModerationEngine... engines) {
        for (int i = 0; i < count; i++) {
            for (ModerationEngine engine : engines) {
                engine.learn(new ModeratorLesson(submission("r" + i, texts.apply(i)), decision));
            }
        }
    }

    @Test
    void rejectingHeldReviewsOfTheSameScoreLowersRejectSpam() {
        ModerationEngine engine = ModerationEngine.builder().settings(STILL_CLASSIFIERS).build();
        ModerationEngine control = ModerationEngine.builder().settings(STILL_CLASSIFIERS.withThresholdLearning(false)).build();
        String probe = "Beautiful music and a brave ending. Stills at www.velvet-gallery.example for $4 per month.";
        Verdict before = judge(engine, probe);
        assertThat(before.outcome()).as(before.toString()).isEqualTo(Outcome.HOLD);

        decide(ThresholdRules.MIN_EVIDENCE + 5, ThresholdLearningTest::linkAndPrice, Outcome.REJECT, engine, control);

        EffectiveThresholds learned = engine.thresholds();
        assertThat(learned.rejectSpam().learned()).as(learned.toString()).isTrue();
        assertThat(learned.rejectSpam().decisions()).isGreaterThanOrEqualTo(ThresholdRules.MIN_EVIDENCE);
        assertThat(learned.thresholds().rejectSpam()).isLessThan(CONFIGURED.rejectSpam())
                .isLessThanOrEqualTo(before.spamScore());
        assertThat(learned.rejectSpam().reason()).contains("rejected");
        Verdict after = judge(engine, probe);
        assertThat(after.outcome()).as(after.toString()).isEqualTo(Outcome.REJECT);
        // The same decisions without threshold learning: the score is the same, the review still waits for a human.
        Verdict unchanged = judge(control, probe);
        assertThat(unchanged.spamScore()).isEqualTo(after.spamScore());
        assertThat(unchanged.outcome()).isEqualTo(Outcome.HOLD);
        assertThat(control.thresholds().thresholds()).isEqualTo(CONFIGURED);
        assertThat(control.thresholds().rejectSpam().value()).isEqualTo(learned.thresholds().rejectSpam());
        // No moderator judged a bare link (0.7) in these decisions: it is still held, not rejected.
        assertThat(judge(engine, "Director interview at www.kino-archive.example, worth reading.").outcome())
                .isEqualTo(Outcome.HOLD);
    }

    @Test
    void publishingNearlyEveryHeldReviewRaisesHoldSpam() {
        // The classifiers learn as usual here: approving a wording only makes it look cleaner.
        ModerationEngine engine = ModerationEngine.builder().build();
        ModerationEngine control = ModerationEngine.builder().settings(EngineSettings.DEFAULTS.withThresholdLearning(false))
                .build();
        String probe = "Moving and funny. Follow me on the velvet fan board for more of my notes.";
        assertThat(judge(engine, probe).outcome()).isEqualTo(Outcome.HOLD);

        decide(ThresholdRules.MIN_EVIDENCE + 5, ThresholdLearningTest::callToAction, Outcome.PUBLISH, engine, control);

        EffectiveThresholds learned = engine.thresholds();
        assertThat(learned.holdSpam().learned()).as(learned.toString()).isTrue();
        assertThat(learned.thresholds().holdSpam()).isGreaterThan(CONFIGURED.holdSpam())
                .isLessThanOrEqualTo(CONFIGURED.holdSpam() + ThresholdRules.HOLD_MAX_MOVE + 1e-9);
        Verdict after = judge(engine, probe);
        assertThat(after.outcome()).as(after.toString()).isEqualTo(Outcome.PUBLISH);
        assertThat(judge(control, probe).outcome()).isEqualTo(Outcome.HOLD);
        // The move is bounded: a bare link (0.7) is above anything moderators published here and is still held.
        assertThat(judge(engine, "Director interview at www.kino-archive.example, worth reading.").outcome())
                .isEqualTo(Outcome.HOLD);
    }

    @Test
    void spamThatSlipsThroughJustBelowHoldSpamLowersIt() {
        ModerationEngine engine = ModerationEngine.builder().settings(STILL_CLASSIFIERS).build();
        ModerationEngine control = ModerationEngine.builder().settings(STILL_CLASSIFIERS.withThresholdLearning(false)).build();
        String probe = "A sweet little comedy. Contact me about the velvet club evenings.";
        assertThat(judge(engine, probe).outcome()).isEqualTo(Outcome.PUBLISH);

        // Published reviews taken down as spam reach the engine as rejections.
        decide(ThresholdRules.MIN_SLIPPED, ThresholdLearningTest::contactRequest, Outcome.REJECT, engine, control);

        EffectiveThresholds learned = engine.thresholds();
        assertThat(learned.holdSpam().learned()).as(learned.toString()).isTrue();
        assertThat(learned.holdSpam().decisions()).isEqualTo(ThresholdRules.MIN_SLIPPED);
        assertThat(learned.thresholds().holdSpam()).isLessThan(CONFIGURED.holdSpam())
                .isGreaterThanOrEqualTo(CONFIGURED.holdSpam() - ThresholdRules.HOLD_MAX_MOVE - 1e-9);
        assertThat(judge(engine, probe).outcome()).isEqualTo(Outcome.HOLD);
        assertThat(judge(control, probe).outcome()).isEqualTo(Outcome.PUBLISH);
    }

    @Test
    void oneDecisionShortOfTheMinimumChangesNothing() {
        ModerationEngine engine = ModerationEngine.builder().settings(STILL_CLASSIFIERS).build();
        String probe = "Beautiful music and a brave ending. Stills at www.velvet-gallery.example for $4 per month.";

        decide(ThresholdRules.MIN_EVIDENCE - 1, ThresholdLearningTest::linkAndPrice, Outcome.REJECT, engine);
        decide(ThresholdRules.MIN_SLIPPED - 1, i -> contactRequest(i + 100), Outcome.REJECT, engine);

        EffectiveThresholds thin = engine.thresholds();
        assertThat(thin.thresholds()).isEqualTo(CONFIGURED);
        assertThat(List.of(thin.rejectSpam(), thin.holdSpam(), thin.spoiler())).noneMatch(EffectiveThresholds.Basis::learned);
        assertThat(thin.decisions()).isEqualTo(ThresholdRules.MIN_EVIDENCE - 1 + ThresholdRules.MIN_SLIPPED - 1);
        assertThat(judge(engine, probe).outcome()).isEqualTo(Outcome.HOLD);

        // The next decision of the same kind is enough.
        engine.learn(new ModeratorLesson(submission("last", linkAndPrice(ThresholdRules.MIN_EVIDENCE)), Outcome.REJECT));
        assertThat(engine.thresholds().thresholds().rejectSpam()).isLessThan(CONFIGURED.rejectSpam());
        assertThat(judge(engine, probe).outcome()).isEqualTo(Outcome.REJECT);
    }

    @Test
    void aBandModeratorsDoNotAgreeOnKeepsRejectSpam() {
        ModerationEngine engine = ModerationEngine.builder().settings(STILL_CLASSIFIERS).build();
        // 40 held reviews of the same kind, 4 of them published: 90% rejected, short of the 98% asked for.
        for (int i = 0; i < 40; i++) {
            engine.learn(
                    new ModeratorLesson(submission("r" + i, linkAndPrice(i)), i % 10 == 0 ? Outcome.PUBLISH : Outcome.REJECT));
        }
        assertThat(engine.thresholds().rejectSpam().learned()).isFalse();
        assertThat(engine.thresholds().thresholds().rejectSpam()).isEqualTo(CONFIGURED.rejectSpam());
    }

    @Test
    void theScoreKeptIsTheOneBeforeTheDecisionWasLearned() {
        ModerationEngine engine = ModerationEngine.builder().build(); // classifiers learn at the usual weight
        String body = "Knit cosy hats and mittens with the granny pattern club knitting circle";
        Submission submission = submission("k", body);
        double before = engine.assessText(submission, FilmFacts.UNKNOWN).spamScore();
        engine.learn(new ModeratorLesson(submission, Outcome.REJECT));
        engine.learn(new ModeratorLesson(submission("k2", body + " today"), Outcome.REJECT));

        List<ThresholdTuner.Observation> evidence = engine.thresholdEvidence();
        assertThat(evidence).hasSize(2);
        assertThat(evidence.get(0).spamScore()).isEqualTo(before);
        assertThat(evidence.get(0).decision()).isEqualTo(Outcome.REJECT);
        // Learning moved the spam model: the same text now scores higher than the score kept for it.
        assertThat(engine.assessText(submission, FilmFacts.UNKNOWN).spamScore()).isGreaterThan(before);
    }

    @Test
    void theScoreKeptCountsTheCopiesAndFloodsTheEngineSawOnArrival() {
        ModerationEngine engine = ModerationEngine.builder().settings(STILL_CLASSIFIERS).build();
        String body = "Such a lovely film, everyone should see it at least once this year with friends and family.";
        Verdict flood = null;
        for (int i = 0; i < 5; i++) {
            flood = engine.assess(new Submission("f" + i, "film-" + i, "flooder", null, body, false, T0.plusSeconds(60L * i)),
                    FilmFacts.UNKNOWN);
        }
        assertThat(flood.findings()).extracting(Finding::code).contains("spam.flood");

        engine.learn(new ModeratorLesson(new Submission("f4", "film-4", "flooder", null, body, false, T0.plusSeconds(240)),
                Outcome.REJECT));

        double kept = engine.thresholdEvidence().get(0).spamScore();
        assertThat(kept).isEqualTo(flood.spamScore());
        assertThat(kept).isGreaterThan(judge(engine, body).spamScore()); // the text alone is clean
    }

    @Test
    void theWindowKeepsTheLatestDecisions() {
        ThresholdTuner tuner = new ThresholdTuner(EngineSettings.DEFAULTS, List.of());
        for (int i = 0; i < ThresholdTuner.WINDOW + 100; i++) {
            tuner.observe(new ThresholdTuner.Observation(i / 10_000.0, 0, Outcome.PUBLISH, false));
        }
        List<ThresholdTuner.Observation> kept = tuner.observations();
        assertThat(kept).hasSize(ThresholdTuner.WINDOW);
        assertThat(kept.get(0).spamScore()).isEqualTo(100 / 10_000.0);
        assertThat(tuner.effective().decisions()).isEqualTo(ThresholdTuner.WINDOW);
    }

    @Test
    void overwhelmingEvidenceStaysWithinTheBounds() {
        // Everything from 0.3 up rejected, and plenty of spam below holdSpam: the rules want both thresholds far down.
        List<ThresholdTuner.Observation> allSpam = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            allSpam.add(new ThresholdTuner.Observation(0.3 + 0.55 * i / 1_000, 0, Outcome.REJECT, false));
        }
        EffectiveThresholds low = ThresholdRules.derive(allSpam, EngineSettings.DEFAULTS);
        assertThat(low.thresholds().rejectSpam()).isEqualTo(ThresholdRules.REJECT_FLOOR);
        assertThat(low.thresholds().holdSpam())
                .isGreaterThanOrEqualTo(CONFIGURED.holdSpam() - ThresholdRules.HOLD_MAX_MOVE - 1e-9)
                .isLessThan(CONFIGURED.holdSpam());

        // Everything held published: holdSpam wants to rise, but no further than 0.1 and 0.05 below rejectSpam.
        List<ThresholdTuner.Observation> allClean = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            allClean.add(new ThresholdTuner.Observation(0.5 + 0.35 * i / 1_000, 0, Outcome.PUBLISH, false));
        }
        EffectiveThresholds high = ThresholdRules.derive(allClean, EngineSettings.DEFAULTS);
        assertThat(high.thresholds().holdSpam()).isCloseTo(CONFIGURED.holdSpam() + ThresholdRules.HOLD_MAX_MOVE,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(high.thresholds().rejectSpam()).isEqualTo(CONFIGURED.rejectSpam());

        // Configured thresholds close together: holdSpam stays 0.05 below rejectSpam whatever moderators publish.
        EngineSettings tight = EngineSettings.DEFAULTS.withThresholds(new Thresholds(0.8, 0.72, 0.5, 0.5));
        EffectiveThresholds squeezed = ThresholdRules.derive(allClean, tight);
        assertThat(squeezed.thresholds().holdSpam())
                .isLessThanOrEqualTo(squeezed.thresholds().rejectSpam() - ThresholdRules.GAP + 1e-9)
                .isGreaterThanOrEqualTo(0.72);

        // The spam classifier alone (at most its weight) can never reach a learned rejectSpam.
        EngineSettings heavyClassifier = new EngineSettings(CONFIGURED, 0.75, 0.45, 0.05, 0.15, 0.3, 12, 0.7, 50_000,
                java.time.Duration.ofMinutes(30), 3, 0.6, 3.0, true);
        assertThat(ThresholdRules.derive(allSpam, heavyClassifier).thresholds().rejectSpam())
                .isGreaterThanOrEqualTo(0.75 + ThresholdRules.GAP - 1e-9);
    }

    @Test
    void theSpoilerThresholdFavoursCatchingSpoilers() {
        // Spoilers moderators marked score from 0.14 under the configured threshold to 0.14 over it, reviews they
        // published plainly from 0.30 under it to 0.08 over it: they overlap.
        double c = CONFIGURED.spoiler();
        List<ThresholdTuner.Observation> decisions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            decisions.add(new ThresholdTuner.Observation(0.1, c - 0.14 + 0.015 * i, Outcome.PUBLISH_SPOILER, false));
            decisions.add(new ThresholdTuner.Observation(0.1, c - 0.30 + 0.02 * i, Outcome.PUBLISH, false));
        }
        EffectiveThresholds learned = ThresholdRules.derive(decisions, EngineSettings.DEFAULTS);
        double t = learned.thresholds().spoiler();
        assertThat(learned.spoiler().learned()).isTrue();
        assertThat(learned.spoiler().decisions()).isEqualTo(40);
        assertThat(t).isLessThan(CONFIGURED.spoiler())
                .isGreaterThanOrEqualTo(CONFIGURED.spoiler() - ThresholdRules.SPOILER_MAX_MOVE - 1e-9);
        // Every marked spoiler is caught at the learned threshold; at the configured one, most were missed.
        assertThat(decisions).filteredOn(ThresholdTuner.Observation::spoiler).allMatch(o -> o.spoilerScore() >= t);
        assertThat(decisions).filteredOn(o -> o.spoiler() && o.spoilerScore() < CONFIGURED.spoiler()).hasSizeGreaterThan(5);
        // The sentence threshold follows it down, so the sentence that makes a review a spoiler is hidden.
        assertThat(learned.thresholds().spoilerSentence()).isEqualTo(t);
    }

    @Test
    void reviewsTheirAuthorFlaggedDoNotTeachTheSpoilerThreshold() {
        List<ThresholdTuner.Observation> decisions = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            decisions.add(new ThresholdTuner.Observation(0.1, 1.0, Outcome.PUBLISH_SPOILER, true));
            decisions.add(new ThresholdTuner.Observation(0.1, 0.05 + 0.01 * i, Outcome.PUBLISH, false));
        }
        EffectiveThresholds learned = ThresholdRules.derive(decisions, EngineSettings.DEFAULTS);
        assertThat(learned.spoiler().learned()).isFalse();
        assertThat(learned.thresholds().spoiler()).isEqualTo(CONFIGURED.spoiler());
    }

    @Test
    void aSnapshotKeepsTheLearnedThresholds() {
        ModerationEngine engine = ModerationEngine.builder().settings(STILL_CLASSIFIERS).build();
        decide(ThresholdRules.MIN_EVIDENCE + 5, ThresholdLearningTest::linkAndPrice, Outcome.REJECT, engine);
        String probe = "Beautiful music and a brave ending. Stills at www.velvet-gallery.example for $4 per month.";
        assertThat(judge(engine, probe).outcome()).isEqualTo(Outcome.REJECT);

        byte[] snapshot = engine.snapshot();
        ModerationEngine restored = ModerationEngine.builder().settings(STILL_CLASSIFIERS).restoring(snapshot).build();
        assertThat(restored.thresholds()).isEqualTo(engine.thresholds());
        assertThat(restored.thresholdEvidence()).isEqualTo(engine.thresholdEvidence());
        assertThat(judge(restored, probe).outcome()).isEqualTo(Outcome.REJECT);
        assertThat(restored.snapshot()).isEqualTo(snapshot);

        // Restored with learning switched off, the configured values decide, and the evidence waits in the snapshot.
        ModerationEngine off = ModerationEngine.builder().settings(STILL_CLASSIFIERS.withThresholdLearning(false))
                .restoring(snapshot).build();
        assertThat(off.thresholds().thresholds()).isEqualTo(CONFIGURED);
        assertThat(off.thresholds().rejectSpam().learned()).isTrue();
        assertThat(judge(off, probe).outcome()).isEqualTo(Outcome.HOLD);
        assertThat(ModerationEngine.builder().settings(STILL_CLASSIFIERS)
                .restoring(off.snapshot()).build().thresholds()).isEqualTo(engine.thresholds());

        // Restored under other configured thresholds, the same decisions are read again around them: the band they
        // judge now reaches up to 0.95, and the same rejections still put rejectSpam where they were judged.
        Thresholds stricter = new Thresholds(0.95, 0.5, 0.5, 0.5);
        ModerationEngine reconfigured = ModerationEngine.builder().settings(STILL_CLASSIFIERS.withThresholds(stricter))
                .restoring(snapshot).build();
        assertThat(reconfigured.thresholds().configured()).isEqualTo(stricter);
        assertThat(reconfigured.thresholds().thresholds().rejectSpam())
                .isEqualTo(engine.thresholds().thresholds().rejectSpam());
    }

    @Test
    void aFormatTwoSnapshotStillRestores() throws IOException {
        TextClassifier spamModel = ShippedModel.spamClassifier();
        TextClassifier spoilerModel = ShippedModel.spoilerClassifier();
        ModerationEngine writer = ModerationEngine.builder().settings(EngineSettings.DEFAULTS)
                .classifiers(spamModel, spoilerModel).build();
        writer.learn(
                new ModeratorLesson(submission("k", "Knit cosy hats and mittens with the granny pattern club knitting circle"),
                        Outcome.REJECT));
        // Format 2 as engine-2 wrote it before thresholds learned: header, decision count, both classifiers, calibration flag.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(0x46524D45);
            out.writeInt(2);
            out.writeUTF("engine-2");
            out.writeLong(writer.decisionsLearned());
            byte[] spam = spamModel.toBytes();
            out.writeInt(spam.length);
            out.write(spam);
            byte[] spoiler = spoilerModel.toBytes();
            out.writeInt(spoiler.length);
            out.write(spoiler);
            out.writeBoolean(false);
        }

        ModerationEngine restored = ModerationEngine.builder().restoring(bytes.toByteArray()).build();
        assertThat(restored.decisionsLearned()).isEqualTo(1);
        assertThat(restored.thresholds().thresholds()).isEqualTo(CONFIGURED);
        assertThat(restored.thresholds().decisions()).isZero();
        String text = "Knit warm scarves with the granny pattern club";
        assertThat(judge(restored, text).spamScore()).isEqualTo(judge(writer, text).spamScore());
        // Saved again, it is a format-3 snapshot that learns thresholds from here on.
        byte[] again = restored.snapshot();
        assertThat(java.nio.ByteBuffer.wrap(again).getInt(4)).isEqualTo(3);
        assertThat(ModerationEngine.builder().restoring(again).build().decisionsLearned()).isEqualTo(1);
    }

    @Test
    void aSnapshotFromALaterFormatIsRefused() {
        byte[] snapshot = ModerationEngine.builder().build().snapshot();
        java.nio.ByteBuffer.wrap(snapshot).putInt(4, 4);
        assertThatThrownBy(() -> ModerationEngine.builder().restoring(snapshot).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("format 4");
    }
}
