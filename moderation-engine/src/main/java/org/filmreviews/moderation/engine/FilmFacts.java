package org.filmreviews.moderation.engine;

import java.util.List;

/**
 * What the public knows about a film: its title, synopsis and the names of its characters. Words of a review that
 * go beyond these are evidence of a spoiler. {@code secrets} are what the film's public does not know: sentences of
 * earlier reviews that moderators marked as spoilers, which a later review can give away again ({@link FilmSecrets}).
 */
public record FilmFacts(String title, String synopsis, List<String> names, List<String> secrets) {

    public static final FilmFacts UNKNOWN = new FilmFacts("", "", List.of());

    public FilmFacts {
        title = title == null ? "" : title;
        synopsis = synopsis == null ? "" : synopsis;
        names = names == null ? List.of() : List.copyOf(names);
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
    }

    /** A film whose secrets nobody has marked yet. */
    public FilmFacts(String title, String synopsis, List<String> names) {
        this(title, synopsis, names, List.of());
    }
}
