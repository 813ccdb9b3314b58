package org.filmreviews.catalog.service.projection;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.filmreviews.catalog.domain.FilmRating;
import org.filmreviews.catalog.domain.PageReview;
import org.filmreviews.catalog.repository.FilmRatingRepository;
import org.filmreviews.catalog.repository.PageReviewRepository;

/** The page rows {@link PageRules} changes as events arrive: the database's, in the caller's transaction. */
@ApplicationScoped
class StoredPageRows implements PageRules.Rows {

    @Inject
    PageReviewRepository reviews;

    @Inject
    FilmRatingRepository ratings;

    @Override
    public PageReview find(UUID reviewId) {
        return reviews.findById(reviewId);
    }

    @Override
    public void add(PageReview row) {
        reviews.persist(row);
    }

    @Override
    public FilmRating rating(UUID filmId) {
        return ratings.findOrCreate(filmId);
    }
}
