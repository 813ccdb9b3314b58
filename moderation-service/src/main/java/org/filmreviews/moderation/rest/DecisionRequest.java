package org.filmreviews.moderation.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /moderation/cases/{reviewId}/decision}.
 *
 * @param reason to REJECT: a code of {@code GET /moderation/reasons}; to approve: optional words on why
 * @param note free text the author will read with the decision
 * @param spoilerSentences with APPROVE_SPOILER only: the spans of the body to hide (default: the engine's)
 * @param version optional: the version the moderator looked at; a newer one under moderation is a 409
 */
public record DecisionRequest(
        @NotNull ModeratorDecision decision,
        @Size(max = 500) String reason,
        @Size(max = 2000) String note,
        @Size(max = 200) List<@NotNull @Valid SpanRequest> spoilerSentences,
        @Min(1) Long version) {

    public enum ModeratorDecision {
        APPROVE,
        APPROVE_SPOILER,
        REJECT
    }
}
