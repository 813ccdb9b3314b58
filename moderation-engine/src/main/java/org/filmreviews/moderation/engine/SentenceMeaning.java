package org.filmreviews.moderation.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A second spoiler model beside the word classifier: an encoder and a classifier over its vectors. When the engine
 * has one, a sentence's spoiler probability is the mean of the two models' log-odds, so neither decides alone.
 */
public record SentenceMeaning(SentenceEncoder encoder, EmbeddingClassifier classifier) {

    private static final TextAnalyser ANALYSER = new TextAnalyser();

    public SentenceMeaning {
        if (encoder == null || classifier == null) {
            throw new IllegalArgumentException("an encoder and a classifier are required");
        }
        if (encoder.dimensions() != classifier.dimensions()) {
            throw new IllegalArgumentException("the classifier reads " + classifier.dimensions() + " values, the encoder gives "
                    + encoder.dimensions());
        }
    }

    /**
     * Encodes the texts as the engine will (after its normalisation) and fits the classifier on them.
     *
     * @param l2 weight decay of the fit, see {@link EmbeddingClassifier#fit}
     */
    public static SentenceMeaning train(SentenceEncoder encoder, List<String> texts, boolean[] labels, double l2) {
        List<String> normalised = new ArrayList<>(texts.size());
        for (String text : texts) {
            normalised.add(ANALYSER.analyse(text).normalised());
        }
        float[][] vectors = encoder.encode(normalised);
        return new SentenceMeaning(encoder, EmbeddingClassifier.fit(List.of(vectors), labels, l2));
    }

    /**
     * The encoder with a classifier fitted on the engine's own spoiler corpus (the lines the shipped word classifier
     * learns from, written by the project), so a service can use an encoder without any third-party training data.
     */
    public static SentenceMeaning onShippedCorpus(SentenceEncoder encoder, double l2) {
        List<TextClassifier.Example> corpus = ShippedModel.corpus("training/spoilers.tsv", "spoiler", "clean");
        boolean[] labels = new boolean[corpus.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = corpus.get(i).positive();
        }
        return train(encoder, corpus.stream().map(TextClassifier.Example::text).toList(), labels, l2);
    }

    /** This model's own spoiler probability for one text, at the balance it was trained on. */
    public double probability(String text) {
        return classifier.probability(encoder.encode(List.of(ANALYSER.analyse(text).normalised()))[0]);
    }
}
