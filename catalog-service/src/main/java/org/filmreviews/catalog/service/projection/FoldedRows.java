package org.filmreviews.catalog.service.projection;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.filmreviews.catalog.domain.FilmRating;
import org.filmreviews.catalog.domain.PageReview;

/** Page rows in memory while a group of partitions is folded; the summaries are shared by all groups. */
final class FoldedRows implements PageRules.Rows {

    private final Map<UUID, PageReview> reviews = new HashMap<>();
    private final Map<UUID, FilmRating> summaries;

    FoldedRows(Map<UUID, FilmRating> summaries) {
        this.summaries = summaries;
    }

    @Override
    public PageReview find(UUID reviewId) {
        return reviews.get(reviewId);
    }

    @Override
    public void add(PageReview row) {
        reviews.put(row.reviewId, row);
    }

    @Override
    public FilmRating rating(UUID filmId) {
        return summaries.computeIfAbsent(filmId, FilmRating::empty);
    }

    Collection<PageReview> all() {
        return reviews.values();
    }
}
