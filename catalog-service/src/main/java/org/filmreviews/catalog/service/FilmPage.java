package org.filmreviews.catalog.service;

import org.filmreviews.catalog.domain.Film;
import org.filmreviews.catalog.domain.FilmRating;

/** Everything the film page shows: facts, rating summary and the first reviews. */
public record FilmPage(Film film, FilmRating rating, ReviewSlice reviews) {
}
