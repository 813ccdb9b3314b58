package org.filmreviews.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The whole film as it now stands, published on every change, so that a new subscriber can rebuild
 * its view from the (compacted) topic alone.
 */
public record FilmChanged(
        UUID filmId,
        long version,
        String title,
        LocalDate releaseDate,
        String country,
        String synopsis,
        List<Trailer> trailers,
        boolean retired,
        Instant changedAt) {
}
