package org.filmreviews.moderation.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * {@link #snapshot()}, which the service stores and gives back to {@link #restore}.
 *
 * <p>Moderator decisions teach the two classifiers and, through {@link ThresholdTuner}, the thresholds: the
 * configured {@link Thresholds} are the starting point and anchor the bounds, and {@link #thresholds()} tells what
 * is in force and why.
 */
public final class ModerationEngine {

    public static final String VERSION = "engine-2";

    private static final double DUPLICATE_WEIGHT = 0.75;
    private static final double FLOOD_WEIGHT = 0.8;

    private final EngineSettings settings;
    private final TextClassifier spamClassifier;
    private final TextClassifier spoilerClassifier;
    private final SpoilerModel spoilerModel;
    private final TextAnalyser analyser = new TextAnalyser();
    private final SentenceSplitter sentenceSplitter = Shared.SENTENCES;
    private final SpamSignals spamSignals = new SpamSignals();
    private final SpoilerSignals spoilerSignals = new SpoilerSignals();
    private final SubmissionMemory memory;
    private final AtomicLong decisionsLearned;
    private final SpamCalibration spamCalibration;
    private final ThresholdTuner thresholdTuner;
    private final Map<FilmFacts, SpoilerSignals.FilmContext> films = new ConcurrentHashMap<>();

    /** The shipped model with default settings; the same as {@link #withDefaults()}. */
    public ModerationEngine() {
        this(EngineSettings.DEFAULTS);
    }

    /** The shipped model with the given settings. */
    public ModerationEngine(EngineSettings settings) {
        this(settings, (SentenceMeaning) null);
    }

    /** The shipped model with the given settings and a second spoiler model that reads what sentences mean. */
    public ModerationEngine(EngineSettings settings, SentenceMeaning meaning) {
        this(settings, ShippedModel.spamClassifier(), ShippedModel.spoilerClassifier(), 0, null, List.of(), meaning, null);
    }

    /** The shipped model with the given settings, remembering recent submissions in the given memory. */
    public ModerationEngine(EngineSettings settings, SubmissionMemory memory) {
        this(settings, ShippedModel.spamClassifier(), ShippedModel.spoilerClassifier(), 0, null, List.of(), null, memory);
    }

    private ModerationEngine(EngineSettings settings, TextClassifier spam, TextClassifier spoiler, long decisionsLearned,
            SpamCalibration spamCalibration, List<ThresholdTuner.Observation> thresholdEvidence, SentenceMeaning meaning,
            SubmissionMemory memory) {
        this.settings = settings;
        this.thresholdTuner = new ThresholdTuner(settings, thresholdEvidence);
        this.spamCalibration = spamCalibration;
        this.spamClassifier = spam;
        this.spoilerClassifier = spoiler;
        this.spoilerModel = new SpoilerModel(spoiler, meaning);
        this.memory = memory != null ? memory : SubmissionMemory.inMemory(settings);
        this.decisionsLearned = new AtomicLong(decisionsLearned);
    }

    /** The shipped model (trained on the project's own corpus) with {@link EngineSettings#DEFAULTS}. */
    public static ModerationEngine withDefaults() {
        return new ModerationEngine();
    }

    /**
     * An engine with classifiers trained elsewhere, for example on a data set in the bench. The engine keeps and
     * updates the classifiers it is given.
     */
    public static ModerationEngine create(EngineSettings settings, TextClassifier spamClassifier, TextClassifier spoilerClassifier) {
        return new ModerationEngine(settings, spamClassifier, spoilerClassifier, 0, null, List.of(), null, null);
    }

    /**
     * As {@link #create(EngineSettings, TextClassifier, TextClassifier)}, with a {@link SpamCalibration} that replaces
     * the fixed-weight combination of spam evidence by weights learned for the kind of traffic at hand ({@code null}:
     * the fixed weights).
     */
    public static ModerationEngine create(EngineSettings settings, TextClassifier spamClassifier, TextClassifier spoilerClassifier,
            SpamCalibration spamCalibration) {
        return new ModerationEngine(settings, spamClassifier, spoilerClassifier, 0, spamCalibration, List.of(), null, null);
    }

    /**
     * As {@link #create(EngineSettings, TextClassifier, TextClassifier, SpamCalibration)}, with a second spoiler model
     * that reads what sentences mean ({@code null}: words only). It is not part of {@link #snapshot()}: whoever
     * supplies the encoder keeps its classifier too.
     */
    public static ModerationEngine create(EngineSettings settings, TextClassifier spamClassifier, TextClassifier spoilerClassifier,
            SpamCalibration spamCalibration, SentenceMeaning meaning) {
        return new ModerationEngine(settings, spamClassifier, spoilerClassifier, 0, spamCalibration, List.of(), meaning, null);
    }

    /** An engine that continues from a {@link #snapshot()}, with default settings. */
    public static ModerationEngine restore(byte[] snapshot) {
        return restore(snapshot, EngineSettings.DEFAULTS);
    }

    /**
     * An engine that continues from a {@link #snapshot()}. Learned thresholds are derived again from the stored
     * decisions around {@code settings.thresholds()}, so changed configuration moves their bounds at once.
     */
    public static ModerationEngine restore(byte[] snapshot, EngineSettings settings) {
        return restore(snapshot, settings, null);
    }

    /** As {@link #restore(byte[], EngineSettings)}, remembering recent submissions in the given memory. */
    public static ModerationEngine restore(byte[] snapshot, EngineSettings settings, SubmissionMemory memory) {
        EngineSnapshotCodec.Learned learned = EngineSnapshotCodec.read(snapshot);
        return new ModerationEngine(settings, learned.spamClassifier(), learned.spoilerClassifier(), learned.decisionsLearned(),
                learned.spamCalibration(), learned.thresholdEvidence(), null, memory);
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
        Analysis analysis = analyse(submission);
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

    private Verdict verdict(Submission submission, Analysis analysis, FilmFacts film, Memory memory) {
        // One read of the thresholds in force: a verdict never mixes values from before and after a learned decision.
        EngineSettings inForce = thresholdTuner.settingsInForce();
        List<Finding> findings = new ArrayList<>(spamSignals.findings(analysis.whole()));

        double p = analysis.whole().words().isEmpty() ? 0
                : spamClassifier.probability(analysis.whole(), inForce.expectedSpamShare());
        double modelWeight = inForce.spamClassifierWeight() * p;
        if (modelWeight >= 0.1) {
            findings.add(new Finding(Finding.Signal.SPAM, "spam.classifier",
                    String.format(Locale.ROOT, "The spam model, trained on labelled examples and moderator decisions, rates the text as likely spam (%d%%).",
                            Math.round(p * 100)), modelWeight));
        }
        if (memory != Memory.IGNORE) {
            memoryFindings(submission, analysis, findings, memory == Memory.READ_AND_REMEMBER);
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

        SpoilerSignals.Assessment spoiler = spoilerSignals.assess(nullToEmpty(submission.body()), analysis.spans(), analysis.sentences(),
                contextOf(film), submission.authorFlaggedSpoiler(), spoilerModel, inForce);
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

    private void memoryFindings(Submission submission, Analysis analysis, List<Finding> findings, boolean remember) {
        int[] signature = MinHash.signature(analysis.whole().words());
        SubmissionMemory.Entry arrival = entryOf(submission, signature);
        int[] bandKeys = bandKeysOf(analysis.whole(), signature);
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

    private SubmissionMemory.Entry entryOf(Submission submission, int[] signature) {
        return new SubmissionMemory.Entry(nullToEmpty(submission.reviewId()), nullToEmpty(submission.authorId()),
                nullToEmpty(submission.filmId()), millisOf(submission), signature);
    }

    /** Texts shorter than {@code nearDuplicateMinWords} are never compared as copies: no bands. */
    private int[] bandKeysOf(TextAnalyser.Analysed whole, int[] signature) {
        return whole.words().size() >= settings.nearDuplicateMinWords() ? MinHash.bandKeys(signature) : new int[0];
    }

    /**
     * Remembers a submission that was judged before, without judging it, so that copies of it and floods that
     * continue it are recognised: for a memory that starts empty while the reviews it should know are in a database.
     */
    public void remember(Submission submission) {
        TextAnalyser.Analysed whole = analyse(submission).whole();
        int[] signature = MinHash.signature(whole.words());
        memory.remember(entryOf(submission, signature), bandKeysOf(whole, signature), settings.floodWindow().toMillis());
    }

    /** Forgets a review, for example one its author withdrew, so that reposting it is not taken for a copy. */
    public void forget(String reviewId) {
        memory.forget(reviewId);
    }

    /**
     * Learns from a moderator's decision: REJECT teaches the spam model that this is spam; PUBLISH teaches that it is
     * neither spam nor a spoiler; PUBLISH_SPOILER that it is not spam and that the sentences the engine would hide
     * are spoilers (or, when it would hide none, the body as a whole). The decision is also evidence for the
     * thresholds (see {@link #thresholds()}).
     *
     * @throws IllegalArgumentException for HOLD, which is not a decision
     */
    public void learn(Submission submission, Outcome moderatorDecision) {
        learn(submission, FilmFacts.UNKNOWN, moderatorDecision, null);
    }

    /**
     * As {@link #learn(Submission, Outcome)}, with the moderator's own choice of spoiler sentences (spans of the
     * body); the other sentences are then learned as not spoilers.
     */
    public void learn(Submission submission, Outcome moderatorDecision, List<Span> spoilerSentences) {
        learn(submission, FilmFacts.UNKNOWN, moderatorDecision, spoilerSentences);
    }

    /**
     * As {@link #learn(Submission, Outcome, List)}, with the film's facts, so that the spoiler score kept as evidence
     * for the thresholds is the one {@link #assess} gave (names beyond the synopsis count).
     */
    public void learn(Submission submission, FilmFacts film, Outcome moderatorDecision, List<Span> spoilerSentences) {
        if (moderatorDecision == null || moderatorDecision == Outcome.HOLD) {
            throw new IllegalArgumentException("Only PUBLISH, PUBLISH_SPOILER and REJECT can be learned, not " + moderatorDecision);
        }
        Analysis analysis = analyse(submission);
        // The scores the engine gives before this decision is learned: what it said (or would say) about the review,
        // not a score already pushed towards the moderator's answer by learning it. The memory is read, not written.
        Verdict before = verdict(submission, analysis, film, Memory.READ);
        double weight = settings.learningWeight();
        spamClassifier.learn(analysis.whole(), moderatorDecision == Outcome.REJECT, weight);
        if (moderatorDecision == Outcome.PUBLISH) {
            spoilerModel.learn(analysis.sentences(), new boolean[analysis.sentences().size()], weight);
        } else if (moderatorDecision == Outcome.PUBLISH_SPOILER) {
            List<Span> marked = spoilerSentences;
            if (marked == null) {
                marked = spoilerSignals.assess(nullToEmpty(submission.body()), analysis.spans(), analysis.sentences(),
                        SpoilerSignals.FilmContext.NONE, false, spoilerModel, settings).spoilerSentences();
            }
            if (marked.isEmpty()) {
                spoilerModel.learn(List.of(analyser.analyse(submission.body())), new boolean[] {true}, weight);
            } else {
                List<TextAnalyser.Analysed> taught = new ArrayList<>();
                List<Boolean> labels = new ArrayList<>();
                for (int i = 0; i < analysis.spans().size(); i++) {
                    boolean spoiler = overlapsAny(analysis.spans().get(i), marked);
                    if (spoiler || spoilerSentences != null) {
                        taught.add(analysis.sentences().get(i));
                        labels.add(spoiler);
                    }
                }
                boolean[] spoiler = new boolean[labels.size()];
                for (int i = 0; i < spoiler.length; i++) {
                    spoiler[i] = labels.get(i);
                }
                spoilerModel.learn(taught, spoiler, weight);
            }
        }
        thresholdTuner.observe(new ThresholdTuner.Observation(before.spamScore(), before.spoilerScore(), moderatorDecision,
                submission.authorFlaggedSpoiler()));
        decisionsLearned.incrementAndGet();
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
        return spoilerSignals.sentenceScores(analysed, contextOf(film), spoilerModel, settings);
    }

    private static boolean overlapsAny(Span span, List<Span> spans) {
        for (Span other : spans) {
            if (span.start() < other.end() && other.start() < span.end()) {
                return true;
            }
        }
        return false;
    }

    private SpoilerSignals.FilmContext contextOf(FilmFacts film) {
        if (film == null || film.names().isEmpty() && film.secrets().isEmpty()) {
            return SpoilerSignals.FilmContext.NONE;
        }
        if (films.size() > 2_000) {
            films.clear();
        }
        return films.computeIfAbsent(film, f -> new SpoilerSignals.FilmContext(SpoilerSignals.FilmNames.of(f, analyser),
                FilmSecrets.of(f, analyser)));
    }

    /** The headline and each body sentence analysed once; the whole text is put together from those pieces. */
    private record Analysis(List<Span> spans, List<TextAnalyser.Analysed> sentences, TextAnalyser.Analysed whole) {
    }

    private Analysis analyse(Submission submission) {
        String body = nullToEmpty(submission.body());
        List<Span> spans = sentenceSplitter.split(body);
        List<TextAnalyser.Analysed> sentences = new ArrayList<>(spans.size());
        for (Span span : spans) {
            sentences.add(analyser.analyse(body.substring(span.start(), span.end())));
        }
        List<TextAnalyser.Analysed> parts = sentences;
        String headline = submission.headline();
        if (headline != null && !headline.isBlank()) {
            parts = new ArrayList<>(sentences.size() + 1);
            parts.add(analyser.analyse(headline));
            parts.addAll(sentences);
        }
        return new Analysis(spans, sentences, join(parts));
    }

    private static TextAnalyser.Analysed join(List<TextAnalyser.Analysed> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        StringBuilder text = new StringBuilder();
        List<String> words = new ArrayList<>();
        Set<Normaliser.Trick> tricks = EnumSet.noneOf(Normaliser.Trick.class);
        for (TextAnalyser.Analysed part : parts) {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(part.normalised());
            words.addAll(part.words());
            tricks.addAll(part.tricks());
        }
        return new TextAnalyser.Analysed(text.toString(), words, tricks.isEmpty() ? Set.of() : tricks);
    }

    private static long millisOf(Submission submission) {
        Instant at = submission.submittedAt();
        return (at == null ? Instant.now() : at).toEpochMilli();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Parts that are costly to build and safe to share between engines. */
    private static final class Shared {
        static final SentenceSplitter SENTENCES = new SentenceSplitter();
    }
}
