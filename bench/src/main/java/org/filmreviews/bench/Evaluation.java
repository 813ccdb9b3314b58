package org.filmreviews.bench;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.filmreviews.moderation.engine.EngineSettings;
import org.filmreviews.moderation.engine.FilmFacts;
import org.filmreviews.moderation.engine.ModerationEngine;
import org.filmreviews.moderation.engine.Outcome;
import org.filmreviews.moderation.engine.SpamCalibration;
import org.filmreviews.moderation.engine.Submission;
import org.filmreviews.moderation.engine.SentenceEncoder;
import org.filmreviews.moderation.engine.SentenceMeaning;
import org.filmreviews.moderation.engine.TextClassifier;
import org.filmreviews.moderation.engine.Thresholds;
import org.filmreviews.moderation.engine.Verdict;

/**
 * Measures the engine on public labelled data, test parts kept apart from everything that is fitted:
 *
 * <ul>
 *   <li>SMS Spam Collection: duplicates removed, then a stratified 80/20 split with a fixed seed.</li>
 *   <li>TV Tropes spoilers: {@code train.csv} for fitting, {@code dev.csv} (the upstream test split) for testing.</li>
 * </ul>
 *
 * Two variants: the SHIPPED engine, trained only on the project's own corpus; and the BENCH-TRAINED engine, the same
 * classifier class trained on the data set's train part. For the bench-trained engine the decision threshold is
 * chosen by 5-fold cross-validation inside the train part (best F1), never by looking at the test part.
 *
 * <p>Run: {@code cd bench && mvn -q exec:java -Dexec.mainClass=org.filmreviews.bench.Evaluation}
 * ({@code -Ddatasets.dir=...} to point at the data).
 */
public final class Evaluation {

    private static final long SEED = 20240501L;
    private static final int FOLDS = 5;
    /** TV Tropes rows come grouped by show; a test sentence's neighbours stand in for a review's other sentences. */
    private static final int CONTEXT = 3;

    private Evaluation() {
    }

    public static void main(String[] args) throws IOException {
        Datasets datasets = args.length > 0 ? new Datasets(java.nio.file.Path.of(args[0])) : Datasets.locate();
        if (!datasets.available()) {
            System.out.println("Data sets not found under " + datasets.root().toAbsolutePath() + "; pass -Ddatasets.dir=...");
            return;
        }
        System.out.println("Evaluation, " + Instant.now() + ", data: " + datasets.root().toAbsolutePath().normalize());
        if (!Boolean.getBoolean("spoiler.cvOnly")) {
            spam(datasets);
        }
        spoilers(datasets);
    }

    // ---------------------------------------------------------------- spam

    private static void spam(Datasets datasets) throws IOException {
        Datasets.Split split = Datasets.stratifiedSplit(datasets.smsSpam(), 0.2, SEED);
        System.out.printf(Locale.ROOT, "%nSMS Spam Collection: %d train / %d test distinct texts (seed %d), positive = spam%n",
                split.train().size(), split.test().size(), SEED);

        ModerationEngine shipped = ModerationEngine.builder().build();
        report("shipped engine, outcome HOLD or REJECT", split.test(),
                text -> shipped.assessText(submission(text), FilmFacts.UNKNOWN).spamScore(),
                shipped.settings().thresholds().holdSpam());

        Function<List<Datasets.Labelled>, Function<String, Double>> trainEngine = train -> {
            ModerationEngine engine = ModerationEngine.builder().settings(noShift())
                    .classifiers(classifier(train), TextClassifier.untrained(12, false)).build();
            return text -> engine.assessText(submission(text), FilmFacts.UNKNOWN).spamScore();
        };
        double threshold = crossValidatedThreshold(split.train(), trainEngine, false);
        ModerationEngine bench = ModerationEngine.builder()
                .settings(noShift().withThresholds(new Thresholds(Math.max(0.9, threshold), threshold, 0.5, 0.5)))
                .classifiers(classifier(split.train()), TextClassifier.untrained(12, false)).build();
        report(String.format(Locale.ROOT, "bench-trained engine, fixed weights, hold threshold %.3f from CV", threshold),
                split.test(),
                text -> bench.assessText(submission(text), FilmFacts.UNKNOWN).spamScore(), threshold);
        SpamCalibration calibration = calibrate(split.train());
        ModerationEngine calibrated = ModerationEngine.builder().settings(noShift())
                .classifiers(classifier(split.train()), TextClassifier.untrained(12, false)).spamCalibration(calibration)
                .build();
        report("bench-trained engine, calibrated combination, default hold 0.5", split.test(),
                text -> calibrated.assessText(submission(text), FilmFacts.UNKNOWN).spamScore(),
                calibrated.settings().thresholds().holdSpam());
        System.out.println("    calibration (fitted on out-of-fold evidence of the train part): " + describe(calibration));
        TextClassifier alone = classifier(split.train());
        report("bench-trained classifier alone, p >= 0.5", split.test(), alone::probability, 0.5);
        Verdict example = bench.assessText(submission(split.test().get(0).text()), FilmFacts.UNKNOWN);
        System.out.println("  (bench-trained engine outcome for the first test text: " + example.outcome() + ")");
    }

    /**
     * Fits how rules and classifier combine on SMS: 5-fold cross-validation inside the train part gives, for every
     * train text, the rule findings and the probability of a classifier that did not see it; a logistic regression
     * over that evidence is the calibration. Also prints the cross-validated F1 at the default hold threshold.
     */
    static SpamCalibration calibrate(List<Datasets.Labelled> train) {
        List<SpamCalibration.Evidence> evidence = new ArrayList<>(java.util.Collections.nCopies(train.size(), null));
        List<Boolean> labels = new ArrayList<>(train.size());
        for (Datasets.Labelled row : train) {
            labels.add(row.positive());
        }
        for (int fold = 0; fold < FOLDS; fold++) {
            List<Datasets.Labelled> fitRows = new ArrayList<>();
            for (int i = 0; i < train.size(); i++) {
                if (foldOf(i, train.size(), false) != fold) {
                    fitRows.add(train.get(i));
                }
            }
            ModerationEngine engine = ModerationEngine.builder().settings(noShift())
                    .classifiers(classifier(fitRows), TextClassifier.untrained(12, false)).build();
            for (int i = 0; i < train.size(); i++) {
                if (foldOf(i, train.size(), false) == fold) {
                    evidence.set(i, engine.spamEvidence(submission(train.get(i).text())));
                }
            }
        }
        return SpamCalibration.fit(evidence, labels, CALIBRATION_L2);
    }

    private static final double CALIBRATION_L2 = 1e-3;

    private static String describe(SpamCalibration calibration) {
        StringBuilder text = new StringBuilder(
                String.format(Locale.ROOT, "bias %.2f, classifier log-odds x %.2f", calibration.bias(),
                        calibration.classifierWeight()));
        new java.util.TreeMap<>(calibration.findingWeights()).forEach(
                (code, weight) -> text.append(String.format(Locale.ROOT, ", %s %+.2f", code.replace("spam.", ""), weight)));
        return text.toString();
    }

    // ---------------------------------------------------------------- spoilers

    private static void spoilers(Datasets datasets) throws IOException {
        List<Datasets.Labelled> train = datasets.tvTropes("train.csv");
        List<Datasets.Labelled> test = datasets.tvTropes("dev.csv");
        System.out.printf(Locale.ROOT,
                "%nTV Tropes spoilers: %d train (train.csv) / %d test (dev.csv = upstream test), positive = spoiler%n",
                train.size(), test.size());

        // Every choice below (learning rate, stems, context weight, thresholds) is made by 5-fold cross-validation inside
        // train.csv with contiguous folds (rows of one show stay together); dev.csv is scored once per line.
        Layout alone = (engine, rows) -> {
            double[] scores = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                scores[i] = engine.spoilerScores(List.of(rows.get(i).text()), FilmFacts.UNKNOWN)[0];
            }
            return scores;
        };
        Layout sliding = Evaluation::withContext;
        Layout reviews = Evaluation::pseudoReviews;
        if (Boolean.getBoolean("spoiler.cvOnly")) {
            for (var entry : List.of(Map.entry("alone", alone), Map.entry("sliding", sliding), Map.entry("reviews", reviews))) {
                CrossValidated cv = crossValidate(train, entry.getValue());
                System.out.printf(Locale.ROOT, "  CV %-10s lr %.2f stems %s context %.2f: AUC %.4f (mean of folds %.4f)%n",
                        entry.getKey(),
                        SPOILER_LEARNING_RATE, SPOILER_STEMS, SPOILER_CONTEXT_WEIGHT, cv.auc(), cv.meanFoldAuc());
            }
            return;
        }
        ModerationEngine shipped = ModerationEngine.builder().build();
        double sentenceThreshold = shipped.settings().thresholds().spoilerSentence();
        report("shipped engine, sentence alone", test, text -> shipped.spoilerScores(List.of(text), FilmFacts.UNKNOWN)[0],
                sentenceThreshold);
        reportScores(String.format(Locale.ROOT, "shipped engine, with +-%d neighbouring rows as context", CONTEXT), test,
                withContext(shipped, test), sentenceThreshold);

        ModerationEngine bench = spoilerEngine(train);
        CrossValidated cvAlone = crossValidate(train, alone);
        reportScores(
                String.format(Locale.ROOT, "bench-trained engine, sentence alone (CV AUC %.3f, threshold %.3f)", cvAlone.auc(),
                        cvAlone.threshold()),
                test, alone.scores(bench, test), cvAlone.threshold());
        CrossValidated cvReviews = crossValidate(train, reviews);
        reportScores(String.format(Locale.ROOT, "bench-trained engine, pseudo-reviews of %d rows (CV AUC %.3f, thr. %.3f)",
                2 * CONTEXT + 1,
                cvReviews.auc(), cvReviews.threshold()), test, reviews.scores(bench, test), cvReviews.threshold());
        CrossValidated cvSliding = crossValidate(train, sliding);
        reportScores(String.format(Locale.ROOT, "bench-trained engine, +-%d rows as context (CV AUC %.3f, thr. %.3f)", CONTEXT,
                cvSliding.auc(),
                cvSliding.threshold()), test, sliding.scores(bench, test), cvSliding.threshold());
        TextClassifier classifier = spoilerClassifier(train);
        report("bench-trained classifier alone, p >= 0.5", test, classifier::probability, 0.5);
        diagnosticNeighbourBlend(classifier, test);
        if (SPOILER_ENCODER) {
            withSentenceEncoder(train, test, alone, reviews, sliding);
        }
    }

    /**
     * The same engine with a second spoiler model that reads what a sentence means: e5-small-v2 vectors and a logistic
     * regression over them, averaged in log-odds with the word classifier ({@link SentenceMeaning}).
     */
    private static void withSentenceEncoder(List<Datasets.Labelled> train, List<Datasets.Labelled> test, Layout alone,
            Layout reviews,
            Layout sliding) {
        E5Encoder encoder = new E5Encoder(true);
        long started = System.nanoTime();
        Function<List<Datasets.Labelled>, ModerationEngine> fit = rows -> spoilerEngine(rows, encoder);
        SentenceMeaning meaning = SentenceMeaning.train(encoder, texts(train), labels(train), ENCODER_L2);
        ModerationEngine engine = spoilerEngine(train, meaning);
        System.out.printf(Locale.ROOT, "  with a sentence encoder (e5-small-v2, ONNX Runtime, in process; L2 %.0e from CV):%n",
                ENCODER_L2);
        CrossValidated cvAlone = crossValidate(train, alone, fit);
        reportScores(
                String.format(Locale.ROOT, "  engine + encoder, sentence alone (CV AUC %.3f, threshold %.3f)", cvAlone.auc(),
                        cvAlone.threshold()),
                test, alone.scores(engine, test), cvAlone.threshold());
        CrossValidated cvReviews = crossValidate(train, reviews, fit);
        reportScores(String.format(Locale.ROOT, "  engine + encoder, pseudo-reviews of %d rows (CV AUC %.3f, thr. %.3f)",
                2 * CONTEXT + 1,
                cvReviews.auc(), cvReviews.threshold()), test, reviews.scores(engine, test), cvReviews.threshold());
        CrossValidated cvSliding = crossValidate(train, sliding, fit);
        reportScores(String.format(Locale.ROOT, "  engine + encoder, +-%d rows as context (CV AUC %.3f, thr. %.3f)", CONTEXT,
                cvSliding.auc(), cvSliding.threshold()), test, sliding.scores(engine, test), cvSliding.threshold());
        report("  encoder's classifier alone, p >= 0.5", test,
                meaning::probability, 0.5);
        // What a service could ship: the encoder's classifier fitted on the project's own spoiler lines, no TV Tropes.
        ModerationEngine shipped = ModerationEngine.builder().settings(EngineSettings.DEFAULTS)
                .sentenceMeaning(SentenceMeaning.onShippedCorpus(encoder, SHIPPED_ENCODER_L2)).build();
        double sentenceThreshold = shipped.settings().thresholds().spoilerSentence();
        report("  shipped engine + encoder (project corpus only), sentence alone", test,
                text -> shipped.spoilerScores(List.of(text), FilmFacts.UNKNOWN)[0], sentenceThreshold);
        reportScores("  shipped engine + encoder (project corpus only), pseudo-reviews", test, reviews.scores(shipped, test),
                sentenceThreshold);
        System.out.printf(Locale.ROOT, "  (encoder lines took %.0f s, each distinct sentence encoded once)%n",
                (System.nanoTime() - started) / 1e9);
    }

    private static List<String> texts(List<Datasets.Labelled> rows) {
        return rows.stream().map(Datasets.Labelled::text).toList();
    }

    private static boolean[] labels(List<Datasets.Labelled> rows) {
        boolean[] labels = new boolean[rows.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = rows.get(i).positive();
        }
        return labels;
    }

    /** How the rows of a test part are put in front of the engine: one by one, with neighbours, as pseudo-reviews. */
    interface Layout {
        double[] scores(ModerationEngine engine, List<Datasets.Labelled> rows);
    }

    record CrossValidated(double auc, double meanFoldAuc, double threshold) {
    }

    /** Out-of-fold scores of engines trained on the other four contiguous folds of {@code train}. */
    private static CrossValidated crossValidate(List<Datasets.Labelled> train, Layout layout) {
        return crossValidate(train, layout, Evaluation::spoilerEngine);
    }

    private static CrossValidated crossValidate(List<Datasets.Labelled> train, Layout layout,
            Function<List<Datasets.Labelled>, ModerationEngine> fit) {
        boolean[] actual = new boolean[train.size()];
        double[] scores = new double[train.size()];
        double foldAucs = 0;
        for (int fold = 0; fold < FOLDS; fold++) {
            List<Datasets.Labelled> fitRows = new ArrayList<>();
            List<Datasets.Labelled> heldRows = new ArrayList<>();
            int firstHeld = -1;
            for (int i = 0; i < train.size(); i++) {
                if (foldOf(i, train.size(), true) == fold) {
                    if (firstHeld < 0) {
                        firstHeld = i;
                    }
                    heldRows.add(train.get(i));
                } else {
                    fitRows.add(train.get(i));
                }
            }
            double[] held = layout.scores(fit.apply(fitRows), heldRows);
            boolean[] heldActual = new boolean[heldRows.size()];
            for (int k = 0; k < heldRows.size(); k++) {
                heldActual[k] = heldRows.get(k).positive();
                actual[firstHeld + k] = heldActual[k];
                scores[firstHeld + k] = held[k];
            }
            foldAucs += Metrics.rocAuc(heldActual, held);
        }
        return new CrossValidated(Metrics.rocAuc(actual, scores), foldAucs / FOLDS, bestF1Threshold(actual, scores));
    }

    /**
     * The rows cut into consecutive pseudo-reviews of {@code 2 * CONTEXT + 1} rows; each sentence is scored inside its
     * own pseudo-review, as the engine scores the sentences of one review (edge sentences have one-sided context).
     */
    private static double[] pseudoReviews(ModerationEngine engine, List<Datasets.Labelled> rows) {
        int size = 2 * CONTEXT + 1;
        double[] scores = new double[rows.size()];
        for (int from = 0; from < rows.size(); from += size) {
            int to = Math.min(rows.size(), from + size);
            List<String> review = new ArrayList<>(to - from);
            for (int j = from; j < to; j++) {
                review.add(rows.get(j).text());
            }
            double[] s = engine.spoilerScores(review, FilmFacts.UNKNOWN);
            System.arraycopy(s, 0, scores, from, s.length);
        }
        return scores;
    }

    /**
     * Not the engine: how much of the TV Tropes signal is "which show is this". Rows are grouped by show, so blending
     * a sentence's probability 30/70 with the mean of its 8 neighbours on each side ranks far better. The engine does
     * not do this, because in a real review it would hide a lone spoiler among clean sentences less surely.
     */
    private static void diagnosticNeighbourBlend(TextClassifier classifier, List<Datasets.Labelled> test) {
        int n = test.size();
        double[] own = new double[n];
        for (int i = 0; i < n; i++) {
            own[i] = classifier.probability(test.get(i).text());
        }
        double[] blended = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            int count = 0;
            for (int j = Math.max(0, i - 8); j <= Math.min(n - 1, i + 8); j++) {
                if (j != i) {
                    sum += own[j];
                    count++;
                }
            }
            blended[i] = 0.3 * own[i] + 0.7 * sum / count;
        }
        reportScores("diagnostic, not the engine: classifier blended 30/70 with +-8 rows", test, blended, 0.5);
    }

    private static final double SPOILER_LEARNING_RATE = Double.parseDouble(System.getProperty("spoiler.lr", "0.1"));
    private static final double SPOILER_CONTEXT_WEIGHT = Double.parseDouble(System.getProperty("spoiler.context", "0.9"));
    private static final int SPOILER_EPOCHS = Integer.getInteger("spoiler.epochs", 5);
    private static final double SPOILER_CLASSIFIER_WEIGHT = Double.parseDouble(System.getProperty("spoiler.weight", "0.95"));
    private static final boolean SPOILER_STEMS = Boolean.parseBoolean(System.getProperty("spoiler.stems", "true"));

    private static final boolean SPOILER_ENCODER = Boolean.parseBoolean(System.getProperty("spoiler.encoder", "true"));
    /** Weight decay of the encoder's classifier: 1e-4 against 1e-3 and 1e-2 in 5-fold CV inside train.csv. */
    private static final double ENCODER_L2 = Double.parseDouble(System.getProperty("spoiler.encoderL2", "1e-4"));

    /** A corpus of a few hundred lines needs more weight decay than 12,000 rows; fixed beforehand, not tuned on TV Tropes. */
    private static final double SHIPPED_ENCODER_L2 = 1e-2;

    private static ModerationEngine spoilerEngine(List<Datasets.Labelled> rows, SentenceEncoder encoder) {
        return spoilerEngine(rows, SentenceMeaning.train(encoder, texts(rows), labels(rows), ENCODER_L2));
    }

    /** The bench-trained word classifier on {@code rows}, with a second spoiler model already fitted on the same rows. */
    private static ModerationEngine spoilerEngine(List<Datasets.Labelled> rows, SentenceMeaning meaning) {
        return ModerationEngine.builder().settings(spoilerSettings())
                .classifiers(TextClassifier.untrained(12, false), spoilerClassifier(rows)).sentenceMeaning(meaning).build();
    }

    private static ModerationEngine spoilerEngine(List<Datasets.Labelled> rows) {
        return ModerationEngine.builder().settings(spoilerSettings())
                .classifiers(TextClassifier.untrained(12, false), spoilerClassifier(rows)).build();
    }

    private static EngineSettings spoilerSettings() {
        // A classifier trained on this data may decide a sentence alone: allow it nearly the full weight.
        return new EngineSettings(Thresholds.DEFAULTS, 0.6, SPOILER_CLASSIFIER_WEIGHT, -1, -1, SPOILER_CONTEXT_WEIGHT, 12, 0.7,
                1000,
                java.time.Duration.ofMinutes(30), 3, 0.6, 3.0);
    }

    private static TextClassifier spoilerClassifier(List<Datasets.Labelled> rows) {
        List<TextClassifier.Example> examples = new ArrayList<>(rows.size());
        for (Datasets.Labelled row : rows) {
            examples.add(new TextClassifier.Example(row.text(), row.positive()));
        }
        return TextClassifier.untrained(TextClassifier.Options.DEFAULTS.withBits(20).withLearningRate(SPOILER_LEARNING_RATE)
                .withStems(SPOILER_STEMS)).fit(examples, SPOILER_EPOCHS, SEED);
    }

    private static double[] withContext(ModerationEngine engine, List<Datasets.Labelled> rows) {
        double[] scores = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            int from = Math.max(0, i - CONTEXT);
            int to = Math.min(rows.size(), i + CONTEXT + 1);
            List<String> window = new ArrayList<>(to - from);
            for (int j = from; j < to; j++) {
                window.add(rows.get(j).text());
            }
            scores[i] = engine.spoilerScores(window, FilmFacts.UNKNOWN)[i - from];
        }
        return scores;
    }

    /** Folds are contiguous blocks for TV Tropes (rows of one show stay together) and dealt round-robin otherwise. */
    private static double crossValidatedThreshold(List<Datasets.Labelled> train,
            Function<List<Datasets.Labelled>, Function<String, Double>> fit, boolean contiguous) {
        boolean[] actual = new boolean[train.size()];
        double[] scores = new double[train.size()];
        for (int fold = 0; fold < FOLDS; fold++) {
            List<Datasets.Labelled> fitRows = new ArrayList<>();
            List<Integer> held = new ArrayList<>();
            for (int i = 0; i < train.size(); i++) {
                if (foldOf(i, train.size(), contiguous) == fold) {
                    held.add(i);
                } else {
                    fitRows.add(train.get(i));
                }
            }
            Function<String, Double> scorer = fit.apply(fitRows);
            for (int i : held) {
                actual[i] = train.get(i).positive();
                scores[i] = scorer.apply(train.get(i).text());
            }
        }
        return bestF1Threshold(actual, scores);
    }

    private static int foldOf(int i, int size, boolean contiguous) {
        return contiguous ? (int) ((long) i * FOLDS / size) : i % FOLDS;
    }

    private static double bestF1Threshold(boolean[] actual, double[] scores) {
        double[] candidates = scores.clone();
        java.util.Arrays.sort(candidates);
        double best = 0.5;
        double bestF1 = -1;
        for (int k = 0; k < candidates.length; k += Math.max(1, candidates.length / 400)) {
            double threshold = candidates[k];
            boolean[] predicted = new boolean[scores.length];
            for (int i = 0; i < scores.length; i++) {
                predicted[i] = scores[i] >= threshold;
            }
            double f1 = Metrics.Confusion.of(actual, predicted).f1();
            if (f1 > bestF1) {
                bestF1 = f1;
                best = threshold;
            }
        }
        return best;
    }

    // ---------------------------------------------------------------- shared

    private static TextClassifier classifier(List<Datasets.Labelled> rows) {
        List<TextClassifier.Example> examples = new ArrayList<>(rows.size());
        for (Datasets.Labelled row : rows) {
            examples.add(new TextClassifier.Example(row.text(), row.positive()));
        }
        return TextClassifier.untrained(20, false).fit(examples, 5, SEED);
    }

    /** Bench variants are tested at the class balance they were trained on, so no prior shift. */
    private static EngineSettings noShift() {
        return EngineSettings.DEFAULTS.withExpectedShares(-1, -1);
    }

    private static int counter;

    private static Submission submission(String text) {
        return new Submission("eval-" + counter++, "eval", "eval", null, text, false, Instant.EPOCH);
    }

    private static void report(String name, List<Datasets.Labelled> test, Function<String, Double> score, double threshold) {
        double[] scores = new double[test.size()];
        for (int i = 0; i < test.size(); i++) {
            scores[i] = score.apply(test.get(i).text());
        }
        reportScores(name, test, scores, threshold);
    }

    private static void reportScores(String name, List<Datasets.Labelled> test, double[] scores, double threshold) {
        boolean[] actual = new boolean[test.size()];
        boolean[] predicted = new boolean[test.size()];
        for (int i = 0; i < test.size(); i++) {
            actual[i] = test.get(i).positive();
            predicted[i] = scores[i] >= threshold;
        }
        Metrics.Confusion confusion = Metrics.Confusion.of(actual, predicted);
        System.out.printf(Locale.ROOT, "  %-72s P=%.3f R=%.3f F1=%.3f AUC=%.3f%n", name, confusion.precision(),
                confusion.recall(),
                confusion.f1(), Metrics.rocAuc(actual, scores));
    }

    static boolean keptOut(Outcome outcome) {
        return outcome == Outcome.HOLD || outcome == Outcome.REJECT;
    }
}
