package org.filmreviews.catalog.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.filmreviews.catalog.domain.Film;

/** A film's facts, without its reviews. */
public record FilmResponse(UUID id, String title, LocalDate releaseDate, String country, String synopsis,
        List<TrailerResponse> trailers) {

    public record TrailerResponse(String title, String url) {
    }

    static FilmResponse of(Film film) {
        return new FilmResponse(film.id, film.title, film.releaseDate, film.country, film.synopsis, trailers(film));
    }

    static List<TrailerResponse> trailers(Film film) {
        return film.trailers.stream().map(t -> new TrailerResponse(t.title, t.url)).toList();
    }
}
