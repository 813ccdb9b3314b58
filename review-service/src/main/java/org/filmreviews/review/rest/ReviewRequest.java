package org.filmreviews.review.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.filmreviews.review.service.ReviewDraft;

/** Body of {@code POST /films/{filmId}/reviews}. */
public record ReviewRequest(
        @Min(1) @Max(10) Integer rating,
        @Size(max = 200) String headline,
        @NotBlank @Size(max = 10_000) String body,
        Boolean spoiler) {

    ReviewDraft toDraft() {
        return new ReviewDraft(rating, headline, body, Boolean.TRUE.equals(spoiler));
    }
}
