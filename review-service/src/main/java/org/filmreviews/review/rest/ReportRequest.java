package org.filmreviews.review.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.filmreviews.events.ReportReason;

/** Body of {@code PUT /reviews/{id}/report}: {@code spoiler}, {@code spam} or {@code abuse}, and optionally why. */
public record ReportRequest(@NotNull ReportReason reason, @Size(max = 500) String note) {
}
