package org.filmreviews.moderation.decision.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /moderation/cases/{reviewId}/take-down}: a code of the reason list and free text. */
public record TakeDownRequest(@NotBlank @Size(max = 64) String reason, @Size(max = 2000) String note) {
}
