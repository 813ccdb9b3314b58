package org.filmreviews.moderation.queue;

import java.util.List;
import java.util.UUID;

/** What the waiting cases can be filtered by: their films and the engine's finding codes. */
public record QueueFacets(List<FilmCount> films, List<String> reasonCodes) {

    public record FilmCount(UUID filmId, String title, long cases) {
    }
}
