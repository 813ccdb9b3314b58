package org.filmreviews.moderation.cases;

/** Characters of the review body found to be a spoiler. */
public record CaseSpan(int start, int end) {
}
