package org.filmreviews.events;

/** The account that wrote a review: stable id, login name and the name shown on the page. */
public record Author(String id, String username, String displayName) {
}
