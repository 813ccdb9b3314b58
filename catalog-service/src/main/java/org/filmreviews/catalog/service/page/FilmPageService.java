package org.filmreviews.catalog.service.page;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.filmreviews.catalog.domain.Film;
import org.filmreviews.catalog.domain.FilmRating;
import org.filmreviews.catalog.domain.PageReview;
import org.filmreviews.catalog.repository.FilmRatingRepository;
import org.filmreviews.catalog.repository.FilmRepository;
import org.filmreviews.catalog.repository.PageReviewRepository;
import org.filmreviews.platform.domain.NotFound;
import org.filmreviews.platform.domain.Retired;

/**
 * Reads film pages: the film by its key, the precomputed summary by its key, and one indexed keyset
 * query per page of reviews. Nothing is counted and nothing skipped over, whatever the page's depth.
 */
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

    /** The page of a film on show; a retired film's page is {@link Retired} ({@code film-retired}), an unknown one {@link NotFound}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public FilmPage page(UUID filmId, ReviewSort sort, ReviewCursor after, int limit) {
        Film film = onShow(filmId);
        FilmRating rating = ratings.findByIdOptional(filmId).orElseGet(() -> FilmRating.empty(filmId));
        return new FilmPage(film, rating, sort, slice(filmId, sort, after, limit));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ReviewSlice reviews(UUID filmId, ReviewSort sort, ReviewCursor after, int limit) {
        onShow(filmId);
        return slice(filmId, sort, after, limit);
    }

    /** Fails as {@link #page} does for a film that has no page. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requirePage(UUID filmId) {
        onShow(filmId);
    }

    private Film onShow(UUID filmId) {
        Film film = films.findByIdOptional(filmId).orElseThrow(() -> new NotFound("No film with id " + filmId));
        if (film.retired) {
            throw new Retired("film-retired", "Film " + filmId + " was retired from the catalog.");
        }
        return film;
    }

    private ReviewSlice slice(UUID filmId, ReviewSort sort, ReviewCursor after, int limit) {
        // One row more than asked tells whether a next page exists without counting.
        List<PageReview> rows = reviews.page(filmId, sort, after, limit + 1);
        if (rows.size() <= limit) {
            return new ReviewSlice(rows, Optional.empty());
        }
        List<PageReview> page = rows.subList(0, limit);
        return new ReviewSlice(page, Optional.of(ReviewCursor.after(sort, page.get(limit - 1))));
    }
}
