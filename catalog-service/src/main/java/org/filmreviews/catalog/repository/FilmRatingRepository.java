package org.filmreviews.catalog.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.filmreviews.catalog.domain.FilmRating;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class FilmRatingRepository implements PanacheRepositoryBase<FilmRating, UUID> {

    /** The film's summary, created on first use; callers hold the film's projection lock. */
    public FilmRating findOrCreate(UUID filmId) {
        FilmRating rating = findById(filmId);
        if (rating == null) {
            rating = FilmRating.empty(filmId);
            persist(rating);
        }
        return rating;
    }
}
