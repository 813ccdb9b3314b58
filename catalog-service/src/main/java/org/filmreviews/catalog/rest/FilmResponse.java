package org.filmreviews.catalog.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.filmreviews.catalog.domain.Film;

/** A film's facts, without its reviews. {@code version} goes back in {@code If-Match} to update it safely. */
public record FilmResponse(UUID id, String title, LocalDate releaseDate, String country, String synopsis,
        List<TrailerResponse> trailers, String originalTitle, Integer runtimeMinutes, List<String> genres,
        List<CastResponse> cast, long version) {

    public record TrailerResponse(String title, String url) {
    }

    public record CastResponse(String name, String character) {
    }

    static FilmResponse of(Film film) {
        return new FilmResponse(film.id, film.title, film.releaseDate, film.country, film.synopsis, trailers(film),
                film.originalTitle, film.runtimeMinutes, List.copyOf(film.genres), cast(film), film.version);
    }

    static List<TrailerResponse> trailers(Film film) {
        return film.trailers.stream().map(t -> new TrailerResponse(t.title, t.url)).toList();
    }

    static List<CastResponse> cast(Film film) {
        return film.cast.stream().map(c -> new CastResponse(c.name(), c.character())).toList();
    }
}
