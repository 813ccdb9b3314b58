package org.filmreviews.moderation.decision.rest;

import jakarta.validation.constraints.Size;

/** Body of {@code POST /moderation/cases/{reviewId}/restore}, optional. */
public record RestoreRequest(@Size(max = 2000) String note) {
}
