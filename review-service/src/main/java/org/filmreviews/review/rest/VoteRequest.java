package org.filmreviews.review.rest;

import jakarta.validation.constraints.NotNull;

/** Body of {@code PUT /reviews/{id}/vote}: was the review helpful? */
public record VoteRequest(@NotNull Boolean helpful) {
}
