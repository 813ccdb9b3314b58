package org.filmreviews.catalog.service;

import java.util.UUID;

/**
 * What changed on a film page, announced to live readers once the change is committed.
 *
 * @param reviewId null for {@link Kind#REBUILT}
 * @param helpful for {@link Kind#VOTED}, the new totals, so that an open page shows them without fetching
 *     the page again (votes are the most frequent change); null otherwise
 */
public record PageChange(Kind kind, UUID filmId, UUID reviewId, Integer helpful, Integer notHelpful) {

    public PageChange(Kind kind, UUID filmId, UUID reviewId) {
        this(kind, filmId, reviewId, null, null);
    }

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
