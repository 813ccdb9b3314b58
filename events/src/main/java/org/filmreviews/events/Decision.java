package org.filmreviews.events;

/** What moderation decided about one version of a review. */
public enum Decision {
    /** Shown on the film page as it is. */
    PUBLISH,
    /** Shown on the film page behind a spoiler warning. */
    PUBLISH_SPOILER,
    /** Kept off the film page. */
    REJECT,
    /** The machine is unsure: a human moderator decides. */
    HOLD;

    public boolean published() {
        return this == PUBLISH || this == PUBLISH_SPOILER;
    }
}
