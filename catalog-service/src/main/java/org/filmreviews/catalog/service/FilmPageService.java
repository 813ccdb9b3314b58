package org.filmreviews.catalog.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.filmreviews.catalog.domain.FilmRating;
import org.filmreviews.catalog.domain.PageReview;
import org.filmreviews.catalog.repository.FilmRatingRepository;
import org.filmreviews.catalog.repository.FilmRepository;
import org.filmreviews.catalog.repository.PageReviewRepository;

/** Reads film pages: one indexed query per page of reviews, the summary precomputed. */
@ApplicationScoped
public class FilmPageService {

    public static final int DEFAULT_PAGE_SIZE = 10;
    public static final int MAX_PAGE_SIZE = 100;

    @Inject
    FilmRepository films;

    @Inject
    FilmRatingRepository ratings;

    @Inject
    PageReviewRepository reviews;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<FilmPage> page(UUID filmId, int limit) {
        return films.findByIdOptional(filmId).map(film -> {
            FilmRating rating = ratings.findByIdOptional(filmId).orElseGet(() -> FilmRating.empty(filmId));
            return new FilmPage(film, rating, reviews(filmId, null, limit));
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ReviewSlice reviews(UUID filmId, ReviewCursor after, int limit) {
        // One row more than asked tells whether a next page exists without counting.
        List<PageReview> rows = after == null
                ? reviews.newest(filmId, null, null, limit + 1)
                : reviews.newest(filmId, after.submittedAt(), after.reviewId(), limit + 1);
        if (rows.size() <= limit) {
            return new ReviewSlice(rows, Optional.empty());
        }
        List<PageReview> page = rows.subList(0, limit);
        PageReview last = page.get(limit - 1);
        return new ReviewSlice(page, Optional.of(new ReviewCursor(last.submittedAt, last.reviewId)));
    }

    public boolean exists(UUID filmId) {
        return films.findByIdOptional(filmId).isPresent();
    }
}
