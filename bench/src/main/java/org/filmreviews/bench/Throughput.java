package org.filmreviews.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.filmreviews.moderation.engine.FilmFacts;
import org.filmreviews.moderation.engine.EngineSettings;
import org.filmreviews.moderation.engine.ModerationEngine;
import org.filmreviews.moderation.engine.SentenceMeaning;
import org.filmreviews.moderation.engine.TextClassifier;
import org.filmreviews.moderation.engine.Submission;

/**
 * Single-threaded throughput of {@link ModerationEngine#assess} over realistic review texts, with a raw baseline
 * measured in the same run on the same texts: NFKC-normalising, lower-casing and splitting on white space, the least
 * any text filter must do. The ratio between the two says how much the engine costs beyond touching the text.
 *
 * <p>Texts: the seed page's reviews, pseudo-reviews of five consecutive TV Tropes sentences, and SMS messages, in a
 * fixed shuffled order. Every assessment has a new review id, and authors rotate through 2,000 ids, so the
 * near-duplicate index and the flood guard do their real work (the index fills and evicts).
 *
 * <p>Run: {@code cd bench && mvn -q exec:java -Dexec.mainClass=org.filmreviews.bench.Throughput}
 */
public final class Throughput {

    private static final int ROUNDS = 5;
    private static final double ROUND_SECONDS = 3;

    private Throughput() {
    }

    public static void main(String[] args) throws IOException {
        Datasets datasets = Datasets.locate();
        List<String> texts = texts(datasets);
        double averageChars = texts.stream().mapToInt(String::length).average().orElse(0);
        System.out.printf(Locale.ROOT, "Throughput, %s, %d texts, %.0f characters on average, Java %s, %d processors%n",
                Instant.now(), texts.size(), averageChars, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());

        ModerationEngine engine = ModerationEngine.builder().build();
        FilmFacts film = new FilmFacts("Mirror for a Hero", "Sergei and Andrei find themselves in the past.",
                List.of("Sergei", "Andrei"));
        Runnable assessAll = assessEach(engine, texts, film, "r");
        Runnable baselineAll = () -> {
            long words = 0;
            for (String text : texts) {
                words += Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).split("\\s+").length;
            }
            sink += words;
        };

        System.out.println("warming up ...");
        measure(assessAll, texts.size(), 8);
        measure(baselineAll, texts.size(), 3);

        double[] engineRates = new double[ROUNDS];
        double[] baselineRates = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            engineRates[round] = measure(assessAll, texts.size(), ROUND_SECONDS);
            baselineRates[round] = measure(baselineAll, texts.size(), 1);
            System.out.printf(Locale.ROOT, "  round %d: engine %,.0f reviews/s, baseline %,.0f texts/s%n", round + 1,
                    engineRates[round], baselineRates[round]);
        }
        double engineMedian = median(engineRates);
        double baselineMedian = median(baselineRates);
        System.out.printf(Locale.ROOT, "engine.assess: %,.0f reviews/s (median of %d rounds, one thread)%n", engineMedian,
                ROUNDS);
        System.out.printf(Locale.ROOT, "raw baseline (NFKC + lower case + split): %,.0f texts/s%n", baselineMedian);
        System.out.printf(Locale.ROOT, "engine / baseline: %.3f (the engine costs %.0fx the raw pass)%n",
                engineMedian / baselineMedian,
                baselineMedian / engineMedian);
        if (Boolean.getBoolean("throughput.encoder")) {
            withSentenceEncoder(texts, film, engineMedian);
        }
    }

    /**
     * The engine with the e5-small-v2 sentence encoder as a second spoiler model (untrained classifier: the cost is
     * the encoder's, not the weights'). Run under {@code taskset -c 0} for one core: ONNX Runtime otherwise uses all.
     */
    private static void withSentenceEncoder(List<String> texts, FilmFacts film, double engineAlone) {
        E5Encoder encoder = new E5Encoder(false);
        List<String> sample = texts.subList(0, Math.min(texts.size(), 200));
        boolean[] labels = new boolean[sample.size()];
        for (int i = 0; i < labels.length; i += 2) {
            labels[i] = true;
        }
        ModerationEngine engine = ModerationEngine.builder().settings(EngineSettings.DEFAULTS)
                .classifiers(TextClassifier.untrained(12, false), TextClassifier.untrained(12, false))
                .sentenceMeaning(SentenceMeaning.train(encoder, sample, labels, 1e-2)).build();
        Runnable assessAll = assessEach(engine, sample, film, "e");
        measure(assessAll, sample.size(), 5);
        double[] rates = new double[3];
        for (int round = 0; round < rates.length; round++) {
            rates[round] = measure(assessAll, sample.size(), ROUND_SECONDS);
        }
        double rate = median(rates);
        System.out.printf(Locale.ROOT,
                "engine.assess with the e5-small-v2 encoder: %,.1f reviews/s (median of 3 rounds, %d texts); "
                        + "%.4f of the engine without it%n",
                rate, sample.size(), rate / engineAlone);
    }

    /**
     * One pass of {@code assess} over the texts. Every call is a new review (ids {@code idPrefix} + a running number)
     * of one of 500 films by one of 2,000 rotating authors, so the near-duplicate index and the flood guard work.
     */
    private static Runnable assessEach(ModerationEngine engine, List<String> texts, FilmFacts film, String idPrefix) {
        long[] sequence = {0};
        return () -> {
            for (String text : texts) {
                long n = sequence[0]++;
                engine.assess(new Submission(idPrefix + n, "f" + (n % 500), "a" + (n % 2000), null, text, false,
                        Instant.EPOCH.plusSeconds(n)), film);
            }
        };
    }

    private static volatile long sink;

    /** Repeats {@code pass} for at least {@code seconds} and returns texts per second. */
    private static double measure(Runnable pass, int textsPerPass, double seconds) {
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        long passes = 0;
        do {
            pass.run();
            passes++;
        } while (System.nanoTime() < deadline);
        return passes * textsPerPass / ((System.nanoTime() - start) / 1e9);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static List<String> texts(Datasets datasets) throws IOException {
        List<String> texts = new ArrayList<>(seedReviews());
        if (datasets.available()) {
            List<Datasets.Labelled> tropes = datasets.tvTropes("dev.csv");
            for (int i = 0; i + 5 <= tropes.size(); i += 5) {
                StringBuilder review = new StringBuilder();
                for (int j = i; j < i + 5; j++) {
                    review.append(tropes.get(j).text().strip()).append(' ');
                }
                texts.add(review.toString().strip());
            }
            List<Datasets.Labelled> sms = datasets.smsSpam();
            for (int i = 0; i < sms.size(); i += 4) {
                texts.add(sms.get(i).text());
            }
        }
        if (texts.isEmpty()) {
            throw new IllegalStateException("No texts: neither shared/seeds nor shared/datasets was found");
        }
        java.util.Collections.shuffle(texts, new java.util.Random(7));
        return texts;
    }

    /** Review paragraphs of the seed page (long lines after "Reviews"), read in place. */
    private static List<String> seedReviews() throws IOException {
        for (String candidate : List.of("../shared/seeds/mirror-for-a-hero.txt", "../../shared/seeds/mirror-for-a-hero.txt")) {
            Path path = Path.of(candidate);
            if (Files.isRegularFile(path)) {
                List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
                int reviews = lines.indexOf("Reviews");
                List<String> out = new ArrayList<>();
                for (String line : lines.subList(Math.max(0, reviews), lines.size())) {
                    if (line.length() > 15 && !line.equals("View More")) {
                        out.add(line);
                    }
                }
                return out;
            }
        }
        return List.of();
    }
}
