package org.filmreviews.moderation.engine;

import java.util.List;

/**
 * What the public knows about a film: its title, synopsis and the names in it. Words of a review that
 * go beyond these are evidence of a spoiler.
 */
public record FilmFacts(String title, String synopsis, List<String> names) {

    public static final FilmFacts UNKNOWN = new FilmFacts("", "", List.of());

    public FilmFacts {
        title = title == null ? "" : title;
        synopsis = synopsis == null ? "" : synopsis;
        names = names == null ? List.of() : List.copyOf(names);
    }
}
