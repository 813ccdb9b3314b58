package org.filmreviews.review.rest;

import java.util.List;
import java.util.function.Function;

import org.filmreviews.platform.paging.KeysetCursor;
import org.filmreviews.review.domain.Review;

/** Turns "one row more than asked" into a page and the path of the next one. */
final class ReviewPaging {

    private ReviewPaging() {
    }

    static ReviewListResponse page(List<Review> rows, int limit, Function<String, String> nextPath) {
        if (rows.size() <= limit) {
            return new ReviewListResponse(rows.stream().map(ReviewResponse::of).toList(), null);
        }
        Review last = rows.get(limit - 1);
        String cursor = new KeysetCursor(last.submittedAt, last.id).encode();
        return new ReviewListResponse(rows.subList(0, limit).stream().map(ReviewResponse::of).toList(), nextPath.apply(cursor));
    }
}
