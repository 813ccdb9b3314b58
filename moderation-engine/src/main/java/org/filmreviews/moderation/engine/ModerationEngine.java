package org.filmreviews.moderation.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides what happens to one version of a review: publish, publish behind a spoiler warning, hold for a moderator
 * or reject, with the scores and the reasons in plain words.
 *
 * <p>Spam signals ({@link SpamSignals}, near-duplicates of other authors' texts, flooding, the spam classifier) are
 * combined as independent pieces of evidence: the spam score is {@code 1 - Π(1 - weight)}. Each signal is bounded
 * below the reject threshold, so rejecting always takes two kinds of evidence. Spoilers are judged sentence by
 * sentence by {@link SpoilerSignals}.
 *
 * <p>Thread-safe: {@link #assess} may run on a consumer thread while {@link #learn} and {@link #remember} run on
 * request threads. The engine remembers recent submissions (for near-duplicates and flooding) in a
 * {@link SubmissionMemory}: its own process's unless it is given one to share. What it learns from moderators is in
 * {@link #snapshot()}, which the service stores and gives back to {@link EngineBuilder#restoring}. Engines are made
 * by {@link #builder()}.
 *
 * <p>Moderator decisions teach the two classifiers and, through {@link ThresholdTuner}, the thresholds: the
 * configured {@link Thresholds} are the starting point and anchor the bounds, and {@link #thresholds()} tells what
 * is in force and why.
 */
public final class ModerationEngine {

    public static final String VERSION = "engine-2";

    private final EngineSettings settings;
    private final TextClassifier spamClassifier;
    private final TextClassifier spoilerClassifier;
    private final SpoilerModel spoilerModel;
    private final TextAnalyser analyser = new TextAnalyser();
    private final SentenceSplitter sentenceSplitter = Shared.SENTENCES;
    private final SpamSignals spamSignals = new SpamSignals();
    private final SpoilerSignals spoilerSignals = new SpoilerSignals();
    private final CopiesAndFloods copiesAndFloods;
    private final AtomicLong decisionsLearned;
    private final SpamCalibration spamCalibration;
    private final ThresholdTuner thresholdTuner;
    private final FilmContexts films = new FilmContexts(analyser);

    /** Made by {@link EngineBuilder}, from what it was given or from a snapshot. */
    ModerationEngine(EngineSettings settings, EngineSnapshotCodec.Learned learned, SentenceMeaning meaning,
            SubmissionMemory memory) {
        this.settings = settings;
        this.thresholdTuner = new ThresholdTuner(settings, learned.thresholdEvidence());
        this.spamCalibration = learned.spamCalibration();
        this.spamClassifier = learned.spamClassifier();
        this.spoilerClassifier = learned.spoilerClassifier();
        this.spoilerModel = new SpoilerModel(spoilerClassifier, meaning);
        this.copiesAndFloods = new CopiesAndFloods(settings, memory);
        this.decisionsLearned = new AtomicLong(learned.decisionsLearned());
    }

    /** The options and their defaults are {@link EngineBuilder}'s; {@code builder().build()} is the shipped engine. */
    public static EngineBuilder builder() {
        return new EngineBuilder();
    }

    /**
     * What the engine has learned (both classifiers, the number of moderator decisions and the recent decisions the
     * thresholds are derived from), as bytes to store; {@link EngineSnapshotCodec} has the layout.
     * The memory of recent submissions is not included: it is the {@link SubmissionMemory}'s.
     */
    public byte[] snapshot() {
        return EngineSnapshotCodec.write(this);
    }

    TextClassifier spamClassifier() {
        return spamClassifier;
    }

    TextClassifier spoilerClassifier() {
        return spoilerClassifier;
    }

    /** The settings the engine was made with; its thresholds are the configured ones (see {@link #thresholds()}). */
    public EngineSettings settings() {
        return settings;
    }

    /**
     * The thresholds in force, the configured ones, and for each learnable threshold the value moderators' recent
     * decisions support, how many decisions it rests on and why.
     */
    public EffectiveThresholds thresholds() {
        return thresholdTuner.effective();
    }

    /** The learned combination of spam evidence, or empty when the fixed weights are used (the shipped engine). */
    public Optional<SpamCalibration> spamCalibration() {
        return Optional.ofNullable(spamCalibration);
    }

    /**
     * The spam evidence for a text, without reading or writing the memory: the rule findings and the spam classifier's
     * probability at the balance it was trained on. For fitting a {@link SpamCalibration}.
     */
    public SpamCalibration.Evidence spamEvidence(Submission submission) {
        AnalysedSubmission analysis = analyse(submission);
        double p = analysis.whole().words().isEmpty() ? 0 : spamClassifier.probability(analysis.whole(), -1);
        return new SpamCalibration.Evidence(p, spamSignals.findings(analysis.whole()));
    }

    /** The decisions the thresholds are derived from, oldest first, with the scores the engine gave before learning each. */
    List<ThresholdTuner.Observation> thresholdEvidence() {
        return thresholdTuner.observations();
    }

    /** The share of the sentences scored so far that the sentence encoder read (0 without one). */
    public double encodedShare() {
        return spoilerModel.encodedShare();
    }

    /** How many moderator decisions the classifiers have learned from since they were shipped. */
    public long decisionsLearned() {
        return decisionsLearned.get();
    }

    /**
     * Judges one version of a review and remembers it for near-duplicate and flood detection. Assessing the same
     * review id again (a redelivered event, an edit) replaces what was remembered and never counts against itself.
     */
    public Verdict assess(Submission submission, FilmFacts film) {
        return verdict(submission, analyse(submission), film, Memory.READ_AND_REMEMBER);
    }

    /**
     * Judges the text alone: the memory of past submissions is neither read nor written, so near-duplicates and
     * flooding are not looked for. For previews, re-scoring and evaluation.
     */
    public Verdict assessText(Submission submission, FilmFacts film) {
        return verdict(submission, analyse(submission), film, Memory.IGNORE);
    }

    /** How a verdict uses the memory of past submissions. */
    private enum Memory {
        /** a new arrival: look for copies and floods, then remember it */
        READ_AND_REMEMBER,
        /** a decision being learned: look as on arrival, change nothing */
        READ,
        /** the text alone */
        IGNORE
    }

    private Verdict verdict(Submission submission, AnalysedSubmission analysis, FilmFacts film, Memory memory) {
        // One read of the thresholds in force: a verdict never mixes values from before and after a learned decision.
        EngineSettings inForce = thresholdTuner.settingsInForce();
        List<Finding> findings = new ArrayList<>(spamSignals.findings(analysis.whole()));

        double p = analysis.whole().words().isEmpty() ? 0
                : spamClassifier.probability(analysis.whole(), inForce.expectedSpamShare());
        double modelWeight = inForce.spamClassifierWeight() * p;
        if (modelWeight >= 0.1) {
            findings.add(new Finding(Finding.Signal.SPAM, "spam.classifier",
                    String.format(Locale.ROOT,
                            "The spam model, trained on labelled examples and moderator decisions, rates the text as likely spam (%d%%).",
                            Math.round(p * 100)),
                    modelWeight));
        }
        if (memory != Memory.IGNORE) {
            copiesAndFloods.addFindings(submission, analysis.whole(), findings, memory == Memory.READ_AND_REMEMBER);
        }
        double spam;
        if (spamCalibration != null) {
            double raw = analysis.whole().words().isEmpty() ? 0 : spamClassifier.probability(analysis.whole(), -1);
            spam = spamCalibration.score(raw, findings, inForce.thresholds().rejectSpam());
        } else {
            double clean = 1;
            for (Finding finding : findings) {
                if (finding.signal() == Finding.Signal.SPAM) {
                    clean *= 1 - finding.weight();
                }
            }
            spam = 1 - clean;
        }

        SpoilerSignals.Assessment spoiler = spoilerSignals.assess(AnalysedSubmission.bodyOf(submission), analysis.spans(),
                analysis.sentences(),
                films.of(film), submission.authorFlaggedSpoiler(), spoilerModel, inForce);
        findings.addAll(spoiler.findings());

        Thresholds thresholds = inForce.thresholds();
        Outcome outcome;
        if (spam >= thresholds.rejectSpam()) {
            outcome = Outcome.REJECT;
        } else if (spam >= thresholds.holdSpam()) {
            outcome = Outcome.HOLD;
        } else if (submission.authorFlaggedSpoiler() || spoiler.score() >= thresholds.spoiler()) {
            outcome = Outcome.PUBLISH_SPOILER;
        } else {
            outcome = Outcome.PUBLISH;
        }
        List<Span> hidden = outcome == Outcome.PUBLISH ? List.of() : spoiler.spoilerSentences();
        return new Verdict(outcome, spam, spoiler.score(), findings, hidden, VERSION);
    }

    /**
     * Remembers a submission that was judged before, without judging it, so that copies of it and floods that
     * continue it are recognised: for a memory that starts empty while the reviews it should know are in a database.
     */
    public void remember(Submission submission) {
        copiesAndFloods.remember(submission, analyse(submission).whole());
    }

    /** Forgets a review, for example one its author withdrew, so that reposting it is not taken for a copy. */
    public void forget(String reviewId) {
        copiesAndFloods.forget(reviewId);
    }

    /**
     * Learns from a moderator's decision: REJECT teaches the spam model that this is spam; PUBLISH teaches that it is
     * neither spam nor a spoiler; PUBLISH_SPOILER that it is not spam and that the sentences the moderator chose (or,
     * without a choice, those the engine would hide) are spoilers, or when there are none the body as a whole. The
     * decision is also evidence for the thresholds (see {@link #thresholds()}).
     */
    public void learn(ModeratorLesson lesson) {
        Submission submission = lesson.submission();
        Outcome moderatorDecision = lesson.outcome();
        AnalysedSubmission analysis = analyse(submission);
        // The scores the engine gives before this decision is learned: what it said (or would say) about the review,
        // not a score already pushed towards the moderator's answer by learning it. The memory is read, not written.
        Verdict before = verdict(submission, analysis, lesson.film(), Memory.READ);
        double weight = settings.learningWeight();
        spamClassifier.learn(analysis.whole(), moderatorDecision == Outcome.REJECT, weight);
        if (moderatorDecision == Outcome.PUBLISH) {
            spoilerModel.learn(analysis.sentences(), new boolean[analysis.sentences().size()], weight);
        } else if (moderatorDecision == Outcome.PUBLISH_SPOILER) {
            learnSpoilerSentences(submission, analysis, lesson.spoilerSentences(), weight);
        }
        thresholdTuner.observe(new ThresholdTuner.Observation(before.spamScore(), before.spoilerScore(), moderatorDecision,
                submission.authorFlaggedSpoiler()));
        decisionsLearned.incrementAndGet();
    }

    /**
     * The moderator's spoiler sentences as spoilers and the others as not; without a choice ({@code null}) the
     * sentences the engine would hide are taught as spoilers and nothing as not one.
     */
    private void learnSpoilerSentences(Submission submission, AnalysedSubmission analysis, List<Span> spoilerSentences,
            double weight) {
        List<Span> marked = spoilerSentences;
        if (marked == null) {
            marked = spoilerSignals.assess(AnalysedSubmission.bodyOf(submission), analysis.spans(), analysis.sentences(),
                    SpoilerSignals.FilmContext.NONE, false, spoilerModel, settings).spoilerSentences();
        }
        if (marked.isEmpty()) {
            spoilerModel.learn(List.of(analyser.analyse(submission.body())), new boolean[]{true}, weight);
            return;
        }
        spoilerModel.learnMarked(analysis.spans(), analysis.sentences(), marked, spoilerSentences != null, weight);
    }

    /**
     * Spoiler scores of single sentences read as one text, each with its neighbours as context, exactly as
     * {@link #assess} scores the sentences of a body before warnings, denials and the author's flag are applied.
     */
    public double[] spoilerScores(List<String> sentences, FilmFacts film) {
        List<TextAnalyser.Analysed> analysed = new ArrayList<>(sentences.size());
        for (String sentence : sentences) {
            analysed.add(analyser.analyse(sentence));
        }
        return spoilerSignals.sentenceScores(analysed, films.of(film), spoilerModel, settings);
    }

    private AnalysedSubmission analyse(Submission submission) {
        return AnalysedSubmission.of(submission, analyser, sentenceSplitter);
    }

    /** Parts that are costly to build and safe to share between engines. */
    private static final class Shared {
        static final SentenceSplitter SENTENCES = new SentenceSplitter();
    }
}
