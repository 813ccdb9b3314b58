package org.filmreviews.moderation.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The spoiler classifier, joined by a {@link SentenceMeaning} when the engine was given one. The words score every
 * sentence; the encoder, a hundred times slower, reads only the sentences {@link SpoilerSignals} cannot settle from
 * the words, all of a text's in one batch.
 */
final class SpoilerModel {

    private final TextClassifier words;
    private final SentenceMeaning meaning;
    private final java.util.concurrent.atomic.AtomicLong scored = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong encoded = new java.util.concurrent.atomic.AtomicLong();

    SpoilerModel(TextClassifier words, SentenceMeaning meaning) {
        this.words = words;
        this.meaning = meaning;
    }

    TextClassifier words() {
        return words;
    }

    /** Spoiler probability of every sentence by the word classifier, moved to {@code prior}; 0 for a sentence without words. */
    double[] probabilities(List<TextAnalyser.Analysed> sentences, double prior) {
        double[] p = new double[sentences.size()];
        for (int i = 0; i < p.length; i++) {
            if (!sentences.get(i).words().isEmpty()) {
                p[i] = words.probability(sentences.get(i), prior);
            }
        }
        scored.addAndGet(p.length);
        return p;
    }

    boolean readsMeaning() {
        return meaning != null;
    }

    /**
     * Joins the encoder's judgement to the word classifier's for the chosen sentences (the ones the words leave
     * unsettled): their probability becomes the mean of the two models' log-odds. The encoder reads them in one batch.
     */
    void refine(List<TextAnalyser.Analysed> sentences, List<Integer> chosen, double[] p, double prior) {
        if (meaning == null || chosen.isEmpty()) {
            return;
        }
        float[][] vectors = meaning.encoder().encode(chosen.stream().map(i -> sentences.get(i).normalised()).toList());
        for (int j = 0; j < vectors.length; j++) {
            int i = chosen.get(j);
            // The mean of the two models' log-odds: words know names and set phrases, the encoder paraphrases.
            double z = (logit(p[i]) + meaning.classifier().logOdds(vectors[j], prior)) / 2;
            p[i] = 1 / (1 + Math.exp(-z));
        }
        encoded.addAndGet(vectors.length);
    }

    /** The share of the sentences scored so far that the encoder read: what it costs on the traffic at hand. */
    double encodedShare() {
        long all = scored.get();
        return all == 0 ? 0 : (double) encoded.get() / all;
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

    /**
     * Learns the sentences overlapping a moderator's (or the engine's) spoiler spans as spoilers; with
     * {@code othersAreClean} the remaining sentences as not spoilers, else they are not taught at all.
     */
    void learnMarked(List<Span> spans, List<TextAnalyser.Analysed> sentences, List<Span> marked, boolean othersAreClean,
            double importance) {
        List<TextAnalyser.Analysed> taught = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            boolean spoiler = overlapsAny(spans.get(i), marked);
            if (spoiler || othersAreClean) {
                taught.add(sentences.get(i));
                labels.add(spoiler);
            }
        }
        boolean[] spoiler = new boolean[labels.size()];
        for (int i = 0; i < spoiler.length; i++) {
            spoiler[i] = labels.get(i);
        }
        learn(taught, spoiler, importance);
    }

    private static boolean overlapsAny(Span span, List<Span> spans) {
        for (Span other : spans) {
            if (span.start() < other.end() && other.start() < span.end()) {
                return true;
            }
        }
        return false;
    }
}
