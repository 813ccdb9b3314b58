package org.filmreviews.review.rest;

import java.util.List;

/** A page of reviews; {@code next} is the path of the following page, or null on the last. */
public record ReviewListResponse(List<ReviewResponse> items, String next) {
}
