package org.filmreviews.review.domain;

/** A reason moderation gave, kept with the review so its author can read it. */
public record ModerationReason(String code, String message) {
}
