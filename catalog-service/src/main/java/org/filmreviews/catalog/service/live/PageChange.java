package org.filmreviews.catalog.service.live;

import java.util.UUID;

/**
 * What changed on a film page, announced to live readers once the change is committed. The transaction that makes
 * it sends the kind, the film, the review and a vote's totals ({@link PageNoticeChannel}); each instance adds the
 * rendered parts for its own readers.
 *
 * @param reviewId null for {@link Kind#REBUILT}
 * @param helpful for {@link Kind#VOTED}, the new totals, so that an open page shows them without fetching
 *     the page again (votes are the most frequent change); null otherwise
 * @param html for a review published, changed or removed on a page someone follows live, the parts of the page it
 *     touched as the page renders them (rendered once per instance, for all of the film's readers there); null otherwise
 */
public record PageChange(Kind kind, UUID filmId, UUID reviewId, Integer helpful, Integer notHelpful, Html html) {

    public PageChange(Kind kind, UUID filmId, UUID reviewId) {
        this(kind, filmId, reviewId, null, null, null);
    }

    public PageChange(Kind kind, UUID filmId, UUID reviewId, Integer helpful, Integer notHelpful) {
        this(kind, filmId, reviewId, helpful, notHelpful, null);
    }

    public PageChange withHtml(Html value) {
        return new PageChange(kind, filmId, reviewId, helpful, notHelpful, value);
    }

    /**
     * Rendered, escaped HTML of the page's parts after the change.
     *
     * @param review the review's list item; null when the review is no longer on the page
     * @param rating the rating section
     * @param reviewCount how many reviews the page now counts
     */
    public record Html(String review, String rating, int reviewCount) {
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
        /**
         * Read everything again: the page data was rebuilt from the log, or this instance lost its connection to the
         * notices of the others for a while ({@link PageNoticeListener}) and may have missed some. For every reader.
         */
        REBUILT
    }
}
