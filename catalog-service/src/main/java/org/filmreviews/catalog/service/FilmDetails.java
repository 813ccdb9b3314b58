package org.filmreviews.catalog.service;

import java.time.LocalDate;
import java.util.List;

/** What an admin says about a film. */
public record FilmDetails(String title, LocalDate releaseDate, String country, String synopsis, List<Trailer> trailers) {

    public record Trailer(String title, String url) {
    }
}
