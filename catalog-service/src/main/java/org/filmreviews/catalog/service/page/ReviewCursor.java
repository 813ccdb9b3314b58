package org.filmreviews.catalog.service.page;

import java.time.Instant;
import java.util.UUID;

import org.filmreviews.catalog.domain.PageReview;
import org.filmreviews.platform.domain.InvalidInput;
import org.filmreviews.platform.paging.CursorCodec;

/**
 * Where a page of reviews ends: the sort key of its last review. Opaque to clients (base64url), so
 * the encoding may change without breaking them. It names its sort, so that a cursor is never read
 * as a position in another order.
 */
public record ReviewCursor(ReviewSort sort, Integer rank, Instant submittedAt, UUID reviewId) {

    public static ReviewCursor after(ReviewSort sort, PageReview last) {
        return new ReviewCursor(sort, sort.rankOf(last), last.submittedAt, last.reviewId);
    }

    public String encode() {
        return CursorCodec.encode(sort.label(), rank == null ? "" : rank, submittedAt.getEpochSecond(), submittedAt.getNano(),
                reviewId);
    }

    /** Reads a cursor handed out for {@code sort}; anything else is the client's error. */
    public static ReviewCursor decode(String cursor, ReviewSort sort) {
        String[] parts = CursorCodec.parts(cursor, 6);
        ReviewCursor decoded;
        if (parts.length == 3) {
            // the walking skeleton's newest-first cursors: still valid where they were handed out
            decoded = new ReviewCursor(ReviewSort.NEWEST, null, CursorCodec.instant(parts[0], parts[1]),
                    CursorCodec.id(parts[2]));
        } else if (parts.length == 5) {
            ReviewSort named;
            try {
                named = ReviewSort.parse(parts[0]);
            } catch (RuntimeException e) {
                throw CursorCodec.forged();
            }
            Integer rank = parts[1].isEmpty() ? null : CursorCodec.integer(parts[1], Integer.MIN_VALUE, Integer.MAX_VALUE);
            if ((named.rankColumn() == null) != (rank == null)) {
                throw CursorCodec.forged(); // a rank where the sort has none, or none where it needs one
            }
            decoded = new ReviewCursor(named, rank, CursorCodec.instant(parts[2], parts[3]), CursorCodec.id(parts[4]));
        } else {
            throw CursorCodec.forged();
        }
        if (decoded.sort != sort) {
            throw InvalidInput.field("cursor", "belongs to sort=" + decoded.sort.label() + ", not sort=" + sort.label());
        }
        return decoded;
    }
}
