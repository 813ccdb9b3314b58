package org.filmreviews.catalog.domain;

/** Someone in a film and the character they play (null for credits without one). */
public record CastCredit(String name, String character) {
}
