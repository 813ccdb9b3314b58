package org.filmreviews.events;

/** A range of characters in a review body, {@code start} inclusive, {@code end} exclusive. */
public record TextSpan(int start, int end) {
}
