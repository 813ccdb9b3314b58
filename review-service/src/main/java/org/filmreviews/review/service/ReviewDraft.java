package org.filmreviews.review.service;

/** What an author writes: rating 1 to 10 or none, an optional headline, the text, their spoiler flag. */
public record ReviewDraft(Integer rating, String headline, String body, boolean spoiler) {
}
