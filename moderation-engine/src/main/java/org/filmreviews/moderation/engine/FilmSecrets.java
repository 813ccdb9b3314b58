package org.filmreviews.moderation.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;

/**
 * What moderators marked as spoilers in earlier reviews of one film ({@link FilmFacts#secrets()}): a later sentence
 * that says the same thing gives the same secret away, whoever writes it and however it begins.
 *
 * <p>Each marked sentence is kept as its telling terms: its words less the function words of the languages reviews
 * come in (Lucene's stop lists), less what the film's title and synopsis say anyway, read by their first six letters so
 * that "poisons" and "poisoned" are one term. A sentence that shares two telling terms with one marked sentence tells
 * its secret. Only the film's own secrets count: the same words about another film say nothing.
 */
final class FilmSecrets {

    static final FilmSecrets NONE = new FilmSecrets(List.of());

    /** Shared telling terms from which a sentence repeats a marked one. */
    private static final int SHARED = 2;
    private static final int STEM = 6;
    private static final Set<String> FUNCTION_WORDS = functionWords();

    private final List<Set<String>> secrets;

    private FilmSecrets(List<Set<String>> secrets) {
        this.secrets = secrets;
    }

    static FilmSecrets of(FilmFacts film, TextAnalyser analyser) {
        if (film == null || film.secrets().isEmpty()) {
            return NONE;
        }
        Set<String> public_ = new HashSet<>(terms(analyser.analyse(film.title()).words()));
        public_.addAll(terms(analyser.analyse(film.synopsis()).words()));
        List<Set<String>> secrets = new ArrayList<>();
        for (String secret : film.secrets()) {
            Set<String> telling = new LinkedHashSet<>(terms(analyser.analyse(secret).words()));
            telling.removeAll(public_);
            if (telling.size() >= SHARED) {
                secrets.add(Set.copyOf(telling));
            }
        }
        return secrets.isEmpty() ? NONE : new FilmSecrets(List.copyOf(secrets));
    }

    /** The telling terms a sentence shares with the marked sentence it is closest to, or none when fewer than two. */
    List<String> revealed(List<String> words) {
        if (secrets.isEmpty()) {
            return List.of();
        }
        Set<String> terms = terms(words);
        List<String> best = List.of();
        for (Set<String> secret : secrets) {
            List<String> shared = new ArrayList<>(2);
            for (String term : terms) {
                if (secret.contains(term)) {
                    shared.add(term);
                }
            }
            if (shared.size() > best.size()) {
                best = shared;
            }
        }
        return best.size() >= SHARED ? best : List.of();
    }

    private static Set<String> terms(List<String> words) {
        Set<String> terms = new LinkedHashSet<>();
        for (String word : words) {
            String bare = word.endsWith("'s") ? word.substring(0, word.length() - 2) : word;
            if (bare.length() >= 4 && !FUNCTION_WORDS.contains(bare) && bare.chars().anyMatch(Character::isLetter)) {
                terms.add(bare.length() > STEM ? bare.substring(0, STEM) : bare);
            }
        }
        return terms;
    }

    /** Snowball's English list: Lucene's default English set is too short for this ("himself", "who", "those"). */
    private static CharArraySet englishStopWords() {
        try (java.io.Reader list = org.apache.lucene.util.IOUtils.getDecodingReader(SnowballFilter.class, "english_stop.txt",
                java.nio.charset.StandardCharsets.UTF_8)) {
            return WordlistLoader.getSnowballWordSet(list);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Lucene's English stop list is missing", e);
        }
    }

    /** The stop words of the languages reviews come in most, accent-folded as the analyser folds review words. */
    private static Set<String> functionWords() {
        TextAnalyser analyser = new TextAnalyser();
        Set<String> words = new HashSet<>();
        for (CharArraySet stopSet : List.of(englishStopWords(), SpanishAnalyzer.getDefaultStopSet(),
                PortugueseAnalyzer.getDefaultStopSet(), FrenchAnalyzer.getDefaultStopSet(), GermanAnalyzer.getDefaultStopSet(),
                ItalianAnalyzer.getDefaultStopSet(), RussianAnalyzer.getDefaultStopSet(), TurkishAnalyzer.getDefaultStopSet(),
                IndonesianAnalyzer.getDefaultStopSet())) {
            for (Object word : stopSet) {
                words.addAll(analyser.analyse(new String((char[]) word)).words());
            }
        }
        // Words of reviewing that every review of a film uses, whatever it reveals.
        words.addAll(List.of("film", "movie", "scene", "scenes", "story", "character", "characters", "actor", "actress",
                "really", "watch", "watched", "loved", "liked", "great", "good", "best", "time", "just", "like", "made",
                "makes"));
        return Set.copyOf(words);
    }
}
