package org.filmreviews.moderation.queue;

/**
 * What the author did before, apart from the review at hand: how many other reviews they posted and
 * how many of those stand rejected.
 */
public record AuthorHistory(long otherReviews, long rejected) {

    public static final AuthorHistory NONE = new AuthorHistory(0, 0);
}
