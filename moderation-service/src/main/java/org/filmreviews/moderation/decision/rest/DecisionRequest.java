package org.filmreviews.moderation.decision.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /moderation/cases/{reviewId}/decision}.
 *
 * @param reason to REJECT: a code of {@code GET /moderation/reasons}; to approve: optional words on why
 * @param note free text the author will read with the decision
 * @param spoilerSentences with APPROVE_SPOILER only: the spans of the body to hide (default: the engine's)
 * @param version optional: the version the moderator looked at; a newer one under moderation is a 409
 */
@Schema(description = "A moderator's decision on a case")
public record DecisionRequest(
        @NotNull ModeratorDecision decision,
        @Schema(description = "To REJECT: a code of GET /moderation/reasons; to approve: optional words on why") @Size(
                max = 500) String reason,
        @Schema(description = "Free text the author reads with the decision; required with the reason other") @Size(
                max = 2000) String note,
        @Schema(description = "With APPROVE_SPOILER only: the spans of the body to hide (default: the sentences the engine found)") @Size(
                max = 200) List<@NotNull @Valid SpanRequest> spoilerSentences,
        @Schema(description = "The version the moderator looked at; a newer one under moderation is a 409") @Min(1) Long version) {

    public enum ModeratorDecision {
        APPROVE, APPROVE_SPOILER, REJECT
    }
}
