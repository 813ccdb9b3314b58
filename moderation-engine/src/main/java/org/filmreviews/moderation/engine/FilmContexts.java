package org.filmreviews.moderation.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the spoiler signals know about each film (its names beyond the synopsis, its marked secrets), built once per
 * film's facts: every review of a film would otherwise analyse its synopsis again.
 */
final class FilmContexts {

    /** Films kept; past this the cache starts over, which costs one analysis per film and bounds the memory. */
    private static final int MAX_FILMS = 2_000;

    private final TextAnalyser analyser;
    private final Map<FilmFacts, SpoilerSignals.FilmContext> films = new ConcurrentHashMap<>();

    FilmContexts(TextAnalyser analyser) {
        this.analyser = analyser;
    }

    /** {@link SpoilerSignals.FilmContext#NONE} for a film with neither names nor secrets, or none at all ({@code null}). */
    SpoilerSignals.FilmContext of(FilmFacts film) {
        if (film == null || film.names().isEmpty() && film.secrets().isEmpty()) {
            return SpoilerSignals.FilmContext.NONE;
        }
        if (films.size() > MAX_FILMS) {
            films.clear();
        }
        return films.computeIfAbsent(film, f -> new SpoilerSignals.FilmContext(FilmNames.of(f, analyser),
                FilmSecrets.of(f, analyser)));
    }
}
