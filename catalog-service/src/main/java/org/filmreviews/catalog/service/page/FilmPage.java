package org.filmreviews.catalog.service.page;

import org.filmreviews.catalog.domain.Film;
import org.filmreviews.catalog.domain.FilmRating;

/** Everything the film page shows: facts, the review summary and one page of reviews in the order asked for. */
public record FilmPage(Film film, FilmRating rating, ReviewSort sort, ReviewSlice reviews) {
}
