package org.filmreviews.catalog.service.film;

import java.time.LocalDate;
import java.util.List;

/** What an admin says about a film: the whole of it, on creation and on every update. */
public record FilmDetails(String title, String originalTitle, LocalDate releaseDate, String country, Integer runtimeMinutes,
        List<String> genres, String synopsis, List<CastMember> cast, List<Trailer> trailers) {

    public record Trailer(String title, String url) {
    }

    public record CastMember(String name, String character) {
    }
}
