package org.filmreviews.events;

/** Engine scores between 0 and 1. */
public record Scores(double spam, double spoiler) {
}
