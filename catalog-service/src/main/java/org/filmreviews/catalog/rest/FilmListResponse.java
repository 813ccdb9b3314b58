package org.filmreviews.catalog.rest;

import java.util.List;

/** A page of search results; {@code next} is the path of the following page, or null. */
public record FilmListResponse(List<FilmResponse> items, String next) {
}
