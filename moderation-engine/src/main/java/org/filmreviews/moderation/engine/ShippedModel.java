package org.filmreviews.moderation.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The classifiers the engine ships with, trained when first needed on the project's own small corpus in
 * {@code training/spam.tsv} and {@code training/spoilers.tsv} (lines the project wrote itself; no third-party data).
 * Training takes well under a second and is done once per JVM; every engine gets its own copy to learn into.
 */
final class ShippedModel {

    static final int BITS = 18;
    private static final int EPOCHS = 12;
    private static final long SEED = 20_241_125L;
    private static final TextClassifier.Options OPTIONS = TextClassifier.Options.DEFAULTS.withBits(BITS)
            .withCharacterGrams(true);

    private ShippedModel() {
    }

    private static final class Trained {
        // Character 4-grams inside words as well as the words: disguised spellings and the endings of ten languages
        // share pieces of words where they share no whole word.
        static final byte[] SPAM = train("training/spam.tsv", "spam", "ham", OPTIONS);
        static final byte[] SPOILER = train("training/spoilers.tsv", "spoiler", "clean", OPTIONS);
    }

    static TextClassifier spamClassifier() {
        return TextClassifier.fromBytes(Trained.SPAM);
    }

    static TextClassifier spoilerClassifier() {
        return TextClassifier.fromBytes(Trained.SPOILER);
    }

    /** The labelled lines of one corpus file: {@code label<TAB>text}, blank lines and {@code #} comments skipped. */
    static List<TextClassifier.Example> corpus(String resource, String positive, String negative) {
        List<TextClassifier.Example> examples = new ArrayList<>();
        try (InputStream in = ShippedModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing training resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                String label = tab < 0 ? "" : line.substring(0, tab);
                if (!label.equals(positive) && !label.equals(negative)) {
                    throw new IllegalStateException(
                            resource + " line " + number + ": expected '" + positive + "' or '" + negative + "' and a tab");
                }
                examples.add(new TextClassifier.Example(line.substring(tab + 1), label.equals(positive)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return examples;
    }

    private static byte[] train(String resource, String positive, String negative, TextClassifier.Options options) {
        return TextClassifier.untrained(options).fit(corpus(resource, positive, negative), EPOCHS, SEED).toBytes();
    }
}
