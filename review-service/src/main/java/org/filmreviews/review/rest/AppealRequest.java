package org.filmreviews.review.rest;

import jakarta.validation.constraints.Size;

/** Body of {@code POST /reviews/{id}/appeal}: optionally, why the decision is wrong. */
public record AppealRequest(@Size(max = 2000) String message) {
}
