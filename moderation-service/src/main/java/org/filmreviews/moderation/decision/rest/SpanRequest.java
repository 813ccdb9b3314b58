package org.filmreviews.moderation.decision.rest;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Characters {@code start} (inclusive) to {@code end} (exclusive) of the review body. */
public record SpanRequest(@NotNull @Min(0) Integer start, @NotNull @Min(1) Integer end) {
}
