package org.filmreviews.moderation.engine;

/** What the engine recommends for one version of a review. */
public enum Outcome {
    PUBLISH, PUBLISH_SPOILER, REJECT,
    /** Unsure: a human moderator decides. */
    HOLD
}
