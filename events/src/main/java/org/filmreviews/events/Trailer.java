package org.filmreviews.events;

public record Trailer(String title, String url) {
}
