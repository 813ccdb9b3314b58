package org.filmreviews.catalog.service.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.filmreviews.catalog.domain.PageReview;
import org.filmreviews.platform.domain.InvalidInput;
import org.junit.jupiter.api.Test;

/** The orders of a film's reviews as clients name them, and the rank each gives a review, without a database. */
class ReviewSortTest {

    @Test
    void noSortOrABlankOneIsNewestFirst() {
        assertThat(ReviewSort.parse(null)).isEqualTo(ReviewSort.NEWEST);
        assertThat(ReviewSort.parse("")).isEqualTo(ReviewSort.NEWEST);
        assertThat(ReviewSort.parse("  ")).isEqualTo(ReviewSort.NEWEST);
    }

    @Test
    void aSortIsReadWhateverItsCaseAndOuterSpaces() {
        assertThat(ReviewSort.parse("helpful")).isEqualTo(ReviewSort.HELPFUL);
        assertThat(ReviewSort.parse(" Highest ")).isEqualTo(ReviewSort.HIGHEST);
        assertThat(ReviewSort.parse("LOWEST")).isEqualTo(ReviewSort.LOWEST);
    }

    @Test
    void anUnknownSortIsRefusedNamingTheOnesThereAre() {
        InvalidInput refused = catchThrowableOfType(InvalidInput.class, () -> ReviewSort.parse("best"));

        assertThat(refused.field()).contains("sort");
        assertThat(refused.detail()).isEqualTo("sort: must be one of newest, highest, lowest, helpful");
    }

    @Test
    void unratedReviewsRankLastBothHighestAndLowestFirst() {
        PageReview unrated = review(null, 0, 0);

        assertThat(ReviewSort.HIGHEST.rankOf(unrated)).isLessThan(ReviewSort.HIGHEST.rankOf(review(1, 0, 0)));
        assertThat(ReviewSort.LOWEST.rankOf(unrated)).isLessThan(ReviewSort.LOWEST.rankOf(review(10, 0, 0)));
        // both orders read the rank highest first
        assertThat(ReviewSort.LOWEST.rankOf(review(2, 0, 0))).isGreaterThan(ReviewSort.LOWEST.rankOf(review(9, 0, 0)));
    }

    @Test
    void helpfulRanksByVotesNetOfNotHelpfulOnesAndNewestHasNoRank() {
        assertThat(ReviewSort.HELPFUL.rankOf(review(5, 7, 3))).isEqualTo(4);
        assertThat(ReviewSort.NEWEST.rankOf(review(5, 7, 3))).isNull();
        assertThat(ReviewSort.NEWEST.rankColumn()).isNull();
    }

    static PageReview review(Integer rating, int helpful, int notHelpful) {
        PageReview review = new PageReview();
        review.rating = rating;
        review.helpful = helpful;
        review.notHelpful = notHelpful;
        return review;
    }
}
