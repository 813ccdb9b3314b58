package org.filmreviews.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Reads the shared labelled data sets in place. They are never copied into the repository: the folder is given by
 * the system property {@code datasets.dir}, else found as {@code shared/datasets} beside the checkout.
 */
public final class Datasets {

    /** One labelled text. */
    public record Labelled(String text, boolean positive) {
    }

    /** A train and a test part that share no text. */
    public record Split(List<Labelled> train, List<Labelled> test) {
    }

    private final Path root;

    public Datasets(Path root) {
        this.root = root;
    }

    /** The folder from {@code -Ddatasets.dir}, or the first of {@code ../shared/datasets}, {@code ../../shared/datasets}. */
    public static Datasets locate() {
        String configured = System.getProperty("datasets.dir");
        if (configured != null && !configured.isBlank()) {
            return new Datasets(Path.of(configured));
        }
        for (String candidate : List.of("../shared/datasets", "../../shared/datasets")) {
            Path path = Path.of(candidate);
            if (Files.isDirectory(path)) {
                return new Datasets(path);
            }
        }
        return new Datasets(Path.of("../shared/datasets"));
    }

    public Path root() {
        return root;
    }

    public boolean available() {
        return Files.isDirectory(root.resolve("sms_spam_collection")) && Files.isDirectory(root.resolve("tvtropes_spoilers"));
    }

    /** SMS Spam Collection: TSV {@code label<TAB>text}, quotes are ordinary characters. Positive = spam. */
    public List<Labelled> smsSpam() throws IOException {
        List<Labelled> rows = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve("sms_spam_collection/SMSSpamCollection"), StandardCharsets.UTF_8)) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                rows.add(new Labelled(line.substring(tab + 1), line.substring(0, tab).equals("spam")));
            }
        }
        return rows;
    }

    /** TV Tropes spoiler sentences, {@code train.csv} or {@code dev.csv} (the upstream test split). Positive = spoiler. */
    public List<Labelled> tvTropes(String file) throws IOException {
        String content = Files.readString(root.resolve("tvtropes_spoilers").resolve(file), StandardCharsets.UTF_8);
        List<Labelled> rows = new ArrayList<>();
        for (List<String> record : Csv.parse(content)) {
            if (record.size() >= 3) {
                rows.add(new Labelled(record.get(1), record.get(2).trim().equals("1")));
            }
        }
        return rows;
    }

    /** Deceptive opinion spam (hotel reviews, CC BY-NC-SA: evaluation only). Positive = deceptive. */
    public List<Labelled> deceptiveOpinions() throws IOException {
        Path file = root.resolve("deceptive_opinion_spam/deceptive_opinion_spam.csv");
        List<List<String>> records = Csv.parse(Files.readString(file, StandardCharsets.UTF_8));
        List<Labelled> rows = new ArrayList<>();
        for (List<String> record : records.subList(1, records.size())) {
            rows.add(new Labelled(record.get(6), record.get(0).equals("deceptive")));
        }
        return rows;
    }

    /**
     * Removes repeated texts (first label wins), then deals each class out at random with a fixed seed, so the test
     * share is the same in both classes and no text is in both parts.
     */
    public static Split stratifiedSplit(List<Labelled> rows, double testShare, long seed) {
        Map<String, Labelled> distinct = new LinkedHashMap<>();
        for (Labelled row : rows) {
            distinct.putIfAbsent(row.text(), row);
        }
        List<Labelled> positives = new ArrayList<>();
        List<Labelled> negatives = new ArrayList<>();
        for (Labelled row : distinct.values()) {
            (row.positive() ? positives : negatives).add(row);
        }
        Random random = new Random(seed);
        java.util.Collections.shuffle(positives, random);
        java.util.Collections.shuffle(negatives, random);
        List<Labelled> train = new ArrayList<>();
        List<Labelled> test = new ArrayList<>();
        for (List<Labelled> group : List.of(positives, negatives)) {
            int testCount = (int) Math.round(group.size() * testShare);
            test.addAll(group.subList(0, testCount));
            train.addAll(group.subList(testCount, group.size()));
        }
        return new Split(train, test);
    }
}
