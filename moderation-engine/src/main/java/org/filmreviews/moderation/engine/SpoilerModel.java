package org.filmreviews.moderation.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The spoiler classifier, joined by a {@link SentenceMeaning} when the engine was given one. Scores all sentences of a
 * text at once, because an encoder is much faster on a batch than one sentence at a time.
 */
final class SpoilerModel {

    private final TextClassifier words;
    private final SentenceMeaning meaning;

    SpoilerModel(TextClassifier words, SentenceMeaning meaning) {
        this.words = words;
        this.meaning = meaning;
    }

    TextClassifier words() {
        return words;
    }

    /** Spoiler probability of every sentence, moved to {@code prior}; 0 for a sentence without words. */
    double[] probabilities(List<TextAnalyser.Analysed> sentences, double prior) {
        double[] p = new double[sentences.size()];
        List<Integer> worded = new ArrayList<>(p.length);
        for (int i = 0; i < p.length; i++) {
            if (!sentences.get(i).words().isEmpty()) {
                p[i] = words.probability(sentences.get(i), prior);
                worded.add(i);
            }
        }
        if (meaning == null || worded.isEmpty()) {
            return p;
        }
        float[][] vectors = meaning.encoder().encode(worded.stream().map(i -> sentences.get(i).normalised()).toList());
        for (int j = 0; j < vectors.length; j++) {
            int i = worded.get(j);
            // The mean of the two models' log-odds: words know names and set phrases, the encoder paraphrases.
            double z = (logit(p[i]) + meaning.classifier().logOdds(vectors[j], prior)) / 2;
            p[i] = 1 / (1 + Math.exp(-z));
        }
        return p;
    }

    /** Teaches both models the same labels for the same sentences. */
    void learn(List<TextAnalyser.Analysed> sentences, boolean[] spoiler, double importance) {
        for (int i = 0; i < sentences.size(); i++) {
            words.learn(sentences.get(i), spoiler[i], importance);
        }
        if (meaning != null && !sentences.isEmpty()) {
            float[][] vectors = meaning.encoder().encode(sentences.stream().map(TextAnalyser.Analysed::normalised).toList());
            for (int i = 0; i < vectors.length; i++) {
                meaning.classifier().learn(vectors[i], spoiler[i], importance);
            }
        }
    }

    private static double logit(double p) {
        double q = Math.min(1 - 1e-9, Math.max(1e-9, p));
        return Math.log(q / (1 - q));
    }
}
