package org.filmreviews.moderation.engine;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A submission's headline and each body sentence analysed once; the whole text is put together from those pieces,
 * so that the spam signals (the whole) and the spoiler signals (the sentences) never analyse a text twice.
 *
 * @param spans where each sentence is in the body
 * @param sentences the body's sentences, in the order of {@code spans}
 * @param whole the headline and the body
 */
record AnalysedSubmission(List<Span> spans, List<TextAnalyser.Analysed> sentences, TextAnalyser.Analysed whole) {

    static AnalysedSubmission of(Submission submission, TextAnalyser analyser, SentenceSplitter splitter) {
        String body = bodyOf(submission);
        List<Span> spans = splitter.split(body);
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
        return new AnalysedSubmission(spans, sentences, join(parts));
    }

    /** The body, empty when there is none. */
    static String bodyOf(Submission submission) {
        return submission.body() == null ? "" : submission.body();
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
}
