package org.filmreviews.catalog.service.page;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.filmreviews.catalog.domain.PageReview;
import org.filmreviews.platform.domain.InvalidInput;

/**
 * The orders a film's reviews can be read in. Each but "newest" has a sort key column that the
 * database computes (see V2 migration) and that is ordered the same way as the newest-first tie
 * breakers after it, so one index serves each order from the first page to the last.
 */
public enum ReviewSort {

    NEWEST(null),
    /** Highest rating first; unrated reviews last. */
    HIGHEST("rank_highest"),
    /** Lowest rating first; unrated reviews last. */
    LOWEST("rank_lowest"),
    /** Most "helpful" votes net of "not helpful" ones first. */
    HELPFUL("rank_helpful");

    private final String rankColumn;

    ReviewSort(String rankColumn) {
        this.rankColumn = rankColumn;
    }

    /** The column ranking reviews before the newest-first tie break, or null for NEWEST. */
    public String rankColumn() {
        return rankColumn;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value of {@link #rankColumn()} for a review, as the database computes it. */
    public Integer rankOf(PageReview review) {
        return switch (this) {
            case NEWEST -> null;
            case HIGHEST -> review.rating == null ? 0 : review.rating;
            case LOWEST -> -(review.rating == null ? 11 : review.rating);
            case HELPFUL -> review.helpful - review.notHelpful;
        };
    }

    /** The sort a client asked for; absent means newest. */
    public static ReviewSort parse(String value) {
        if (value == null || value.isBlank()) {
            return NEWEST;
        }
        return Arrays.stream(values()).filter(s -> s.label().equals(value.strip().toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> InvalidInput.field("sort", "must be one of "
                        + Arrays.stream(values()).map(ReviewSort::label).collect(Collectors.joining(", "))));
    }
}
