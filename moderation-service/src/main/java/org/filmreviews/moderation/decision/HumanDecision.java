package org.filmreviews.moderation.decision;

import java.util.List;

import org.filmreviews.events.Decision;
import org.filmreviews.moderation.cases.CaseSpan;
import org.filmreviews.moderation.cases.PolicyReason;

/**
 * What a moderator decided about a case.
 *
 * @param reason required to reject
 * @param spoilerSentences only with PUBLISH_SPOILER; null keeps the engine's choice
 * @param version the version the moderator looked at, if the client says; a newer one is a conflict
 */
public record HumanDecision(Decision decision, PolicyReason reason, String note, List<CaseSpan> spoilerSentences,
        Long version) {
}
