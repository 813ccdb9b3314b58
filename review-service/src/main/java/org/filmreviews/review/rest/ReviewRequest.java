package org.filmreviews.review.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.filmreviews.review.service.review.ReviewDraft;

/** Body of {@code POST /films/{filmId}/reviews}. */
@Schema(description = "A review, new or edited: its whole text each time")
public record ReviewRequest(
        @Schema(description = "1 to 10, or none") @Min(1) @Max(10) Integer rating,
        @Size(max = 200) String headline,
        @Schema(description = "The review itself") @NotBlank @Size(max = 10_000) String body,
        @Schema(description = "The author's own warning: the review is published behind a spoiler warning whatever"
                + " moderation finds", defaultValue = "false") Boolean spoiler) {

    ReviewDraft toDraft() {
        return new ReviewDraft(rating, headline, body, Boolean.TRUE.equals(spoiler));
    }
}
