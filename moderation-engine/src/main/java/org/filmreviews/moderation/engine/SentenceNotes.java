package org.filmreviews.moderation.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What made each sentence of a review score as it did, kept while {@link SpoilerSignals} scores them, then said in
 * words as the review's spoiler findings (one per kind of evidence, naming the sentences).
 */
final class SentenceNotes {

    /** Per-sentence evidence, kept only to explain the verdict in words. */
    static final class SentenceNote {
        List<SpoilerSignals.PlotHit> hits = List.of();
        List<String> names = List.of();
        List<String> secret = List.of();
        double probability;
        double modelWeight;
    }

    private final List<SentenceNote> notes = new ArrayList<>();

    SentenceNote at(int i) {
        while (notes.size() <= i) {
            notes.add(new SentenceNote());
        }
        return notes.get(i);
    }

    void addFindings(List<Finding> findings, double[] scores, EngineSettings settings) {
        List<Integer> plotSentences = new ArrayList<>();
        Set<String> phrases = new LinkedHashSet<>();
        double plotWeight = 0;
        List<Integer> nameSentences = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        List<Integer> secretSentences = new ArrayList<>();
        Set<String> secretTerms = new LinkedHashSet<>();
        int modelSentence = -1;
        double modelWeight = 0;
        double modelProbability = 0;
        for (int i = 0; i < notes.size(); i++) {
            SentenceNote note = notes.get(i);
            if (!note.hits.isEmpty()) {
                plotSentences.add(i + 1);
                double clean = 1;
                for (SpoilerSignals.PlotHit hit : note.hits) {
                    phrases.add(hit.phrase());
                    clean *= 1 - hit.weight();
                }
                plotWeight = Math.max(plotWeight, 1 - clean);
            }
            if (!note.names.isEmpty()) {
                nameSentences.add(i + 1);
                names.addAll(note.names);
            }
            if (!note.secret.isEmpty()) {
                secretSentences.add(i + 1);
                secretTerms.addAll(note.secret);
            }
            if (note.modelWeight > modelWeight) {
                modelWeight = note.modelWeight;
                modelProbability = note.probability;
                modelSentence = i + 1;
            }
        }
        if (!plotSentences.isEmpty()) {
            findings.add(new Finding(Finding.Signal.SPOILER, "spoiler.plot",
                    capitalise(sentenceList(plotSentences)) + " " + (plotSentences.size() == 1 ? "uses" : "use")
                            + " words that give the story away (" + quoteAll(phrases) + ").",
                    plotWeight));
        }
        if (!nameSentences.isEmpty()) {
            findings.add(new Finding(Finding.Signal.SPOILER, "spoiler.names",
                    capitalise(sentenceList(nameSentences)) + " " + (nameSentences.size() == 1 ? "names" : "name") + " "
                            + String.join(", ", names) + ", who " + (names.size() == 1 ? "is" : "are")
                            + " not in the film's public synopsis.",
                    SpoilerSignals.NAME_WEIGHT));
        }
        if (!secretSentences.isEmpty()) {
            findings.add(new Finding(Finding.Signal.SPOILER, "spoiler.secret",
                    capitalise(sentenceList(secretSentences)) + " " + (secretSentences.size() == 1 ? "tells" : "tell")
                            + " what moderators marked as a spoiler of this film in earlier reviews (shared words: "
                            + String.join(", ", secretTerms) + ").",
                    SpoilerSignals.SECRET_WEIGHT));
        }
        if (modelWeight >= 0.15) {
            findings.add(new Finding(Finding.Signal.SPOILER, "spoiler.classifier",
                    String.format(Locale.ROOT, "The spoiler model rates sentence %d as likely to reveal the plot (%d%%).",
                            modelSentence, Math.round(modelProbability * 100)),
                    modelWeight));
        }
    }

    private static String sentenceList(List<Integer> numbers) {
        List<Integer> shown = numbers.size() > 4 ? numbers.subList(0, 4) : numbers;
        StringBuilder out = new StringBuilder(numbers.size() == 1 ? "sentence " : "sentences ");
        for (int i = 0; i < shown.size(); i++) {
            if (i > 0) {
                out.append(i == shown.size() - 1 && shown.size() == numbers.size() ? " and " : ", ");
            }
            out.append(shown.get(i));
        }
        if (shown.size() < numbers.size()) {
            out.append(" and ").append(numbers.size() - shown.size()).append(" more");
        }
        return out.toString();
    }

    private static String quoteAll(Set<String> phrases) {
        List<String> quoted = new ArrayList<>();
        for (String phrase : phrases) {
            if (quoted.size() == 3) {
                break;
            }
            quoted.add(SpamSignals.quote(phrase));
        }
        return String.join(", ", quoted);
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
