package org.filmreviews.moderation.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Turns a piece of text into what every signal reads: the {@link Normaliser normalised} text and its words.
 *
 * <p>Words come from Lucene's {@link StandardTokenizer}, which follows the Unicode word-break rules and so handles
 * Cyrillic, CJK and the rest without language-specific code; accents on Latin letters are folded ("fréé" reads as
 * "free"). The Lucene analyzer keeps its token stream per thread, so one instance serves all threads.
 */
final class TextAnalyser {

    /** The analysed form of one text. */
    record Analysed(String normalised, List<String> words, Set<Normaliser.Trick> tricks) {

        static final Analysed EMPTY = new Analysed("", List.of(), Set.of());

        /** The words joined by single spaces: what the phrase lists match against. */
        String wordText() {
            return String.join(" ", words);
        }
    }

    private final Normaliser normaliser = new Normaliser();
    private final Analyzer analyzer = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer tokenizer = new StandardTokenizer();
            return new TokenStreamComponents(tokenizer, new ASCIIFoldingFilter(tokenizer));
        }
    };

    Analysed analyse(String text) {
        if (text == null || text.isBlank()) {
            return Analysed.EMPTY;
        }
        Normaliser.Result normalised = normaliser.normalise(text);
        return new Analysed(normalised.text(), words(normalised.text()), normalised.tricks());
    }

    List<String> words(String normalisedText) {
        List<String> words = new ArrayList<>(Math.max(4, normalisedText.length() / 5));
        try (TokenStream stream = analyzer.tokenStream("text", normalisedText)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("Reading from a string cannot fail", e);
        }
        return words;
    }
}
