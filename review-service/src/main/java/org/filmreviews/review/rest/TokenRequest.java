package org.filmreviews.review.rest;

import jakarta.validation.constraints.NotBlank;

/** Body of {@code POST /auth/token}. */
public record TokenRequest(@NotBlank String username, @NotBlank String password) {
}
