package org.filmreviews.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The whole film as it now stands, published on every change, so that a new subscriber can rebuild
 * its view from the (compacted) topic alone.
 *
 * @param originalTitle optional; the title in the original language
 * @param runtimeMinutes optional
 * @param genres optional, may be empty
 * @param cast optional, may be empty; names beyond the synopsis are spoiler evidence for moderation
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
        Instant changedAt,
        String originalTitle,
        Integer runtimeMinutes,
        List<String> genres,
        List<CastMember> cast) {

    /** A film with the fields of the first version of the contract only. */
    public FilmChanged(UUID filmId, long version, String title, LocalDate releaseDate, String country, String synopsis,
            List<Trailer> trailers, boolean retired, Instant changedAt) {
        this(filmId, version, title, releaseDate, country, synopsis, trailers, retired, changedAt, null, null, List.of(),
                List.of());
    }
}
