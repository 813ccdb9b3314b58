package org.filmreviews.moderation.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The film's names that its title and synopsis do not mention: saying them is going beyond what is public. */
final class FilmNames {

    static final FilmNames NONE = new FilmNames(Set.of(), Set.of());

    private final Set<String> hiddenNameWords;
    private final Set<String> nameWords;

    private FilmNames(Set<String> hiddenNameWords, Set<String> nameWords) {
        this.hiddenNameWords = hiddenNameWords;
        this.nameWords = nameWords;
    }

    static FilmNames of(FilmFacts film, TextAnalyser analyser) {
        if (film == null || film.names().isEmpty()) {
            return NONE;
        }
        Set<String> publicWords = new HashSet<>(analyser.analyse(film.title()).words());
        publicWords.addAll(analyser.analyse(film.synopsis()).words());
        Set<String> hidden = new HashSet<>();
        Set<String> all = new HashSet<>();
        for (String name : film.names()) {
            List<String> parts = analyser.analyse(name).words();
            for (String part : parts) {
                if (part.length() >= 3) {
                    all.add(part);
                }
            }
            boolean published = false;
            for (String part : parts) {
                if (publicWords.contains(part)) {
                    published = true;
                }
            }
            if (!published) {
                for (String part : parts) {
                    // Short parts ("de", "van", "jr") would match ordinary words.
                    if (part.length() >= 3) {
                        hidden.add(part);
                    }
                }
            }
        }
        return all.isEmpty() ? NONE : new FilmNames(hidden, all);
    }

    /** Whether a sentence names one of the film's characters, in the synopsis or not. */
    boolean mentions(List<String> words) {
        if (nameWords.isEmpty()) {
            return false;
        }
        for (String word : words) {
            if (nameWords.contains(word.endsWith("'s") ? word.substring(0, word.length() - 2) : word)) {
                return true;
            }
        }
        return false;
    }

    List<String> beyondSynopsis(List<String> words) {
        if (hiddenNameWords.isEmpty()) {
            return List.of();
        }
        List<String> found = new ArrayList<>(1);
        for (String word : words) {
            String bare = word.endsWith("'s") ? word.substring(0, word.length() - 2) : word;
            if (hiddenNameWords.contains(bare) && !found.contains(capitaliseName(bare))) {
                found.add(capitaliseName(bare));
            }
        }
        return found;
    }

    private static String capitaliseName(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
