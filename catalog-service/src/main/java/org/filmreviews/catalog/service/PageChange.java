package org.filmreviews.catalog.service;

import java.util.UUID;

/**
 * What changed on a film page, announced to live readers once the change is committed.
 *
 * @param reviewId null for {@link Kind#REBUILT}
 */
public record PageChange(Kind kind, UUID filmId, UUID reviewId) {

    public enum Kind {
        /** A review came onto the page. */
        PUBLISHED,
        /** A review on the page was edited or re-decided. */
        CHANGED,
        /** A review left the page: rejected, taken down or withdrawn. */
        REMOVED,
        /** A review's helpful votes changed. */
        VOTED,
        /** The page data was rebuilt from the log: read everything again. */
        REBUILT
    }
}
