package org.filmreviews.catalog.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.filmreviews.catalog.domain.PageReview;
import org.filmreviews.platform.problem.ProblemException;

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
        String raw = sort.label() + ":" + (rank == null ? "" : rank) + ":" + submittedAt.getEpochSecond() + ":"
                + submittedAt.getNano() + ":" + reviewId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a cursor handed out for {@code sort}; anything else is the client's error. */
    public static ReviewCursor decode(String cursor, ReviewSort sort) {
        ReviewCursor decoded;
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", -1);
            if (parts.length == 3) {
                // the walking skeleton's newest-first cursors: still valid where they were handed out
                decoded = new ReviewCursor(ReviewSort.NEWEST, null, instant(parts[0], parts[1]), UUID.fromString(parts[2]));
            } else if (parts.length == 5) {
                ReviewSort named = ReviewSort.parse(parts[0]);
                Integer rank = parts[1].isEmpty() ? null : Integer.valueOf(parts[1]);
                if ((named.rankColumn() == null) != (rank == null)) {
                    throw new IllegalArgumentException("rank does not fit the sort");
                }
                decoded = new ReviewCursor(named, rank, instant(parts[2], parts[3]), UUID.fromString(parts[4]));
            } else {
                throw new IllegalArgumentException("not a cursor");
            }
        } catch (RuntimeException e) {
            throw ProblemException.invalidField("cursor", "is not a cursor this service handed out");
        }
        if (decoded.sort != sort) {
            throw ProblemException.invalidField("cursor", "belongs to sort=" + decoded.sort.label() + ", not sort=" + sort.label());
        }
        return decoded;
    }

    private static Instant instant(String seconds, String nanos) {
        return Instant.ofEpochSecond(Long.parseLong(seconds), Long.parseLong(nanos));
    }
}
