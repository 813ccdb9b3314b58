package org.filmreviews.moderation.engine;

/** Characters {@code start} (inclusive) to {@code end} (exclusive) of a review body. */
public record Span(int start, int end) {
}
