package org.filmreviews.moderation.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.filmreviews.events.Decision;
import org.filmreviews.moderation.domain.CaseReason;
import org.filmreviews.moderation.domain.CaseSpan;
import org.filmreviews.moderation.domain.ModerationCase;

/** A case as moderators see it: the review, the decision, the scores and every reason. */
public record CaseResponse(
        UUID reviewId,
        long version,
        UUID filmId,
        String author,
        String authorUsername,
        Integer rating,
        String headline,
        String body,
        boolean authorSpoiler,
        Decision outcome,
        double spamScore,
        double spoilerScore,
        List<CaseReason> reasons,
        List<CaseSpan> spoilerSentences,
        String decidedBy,
        Instant submittedAt,
        Instant decidedAt) {

    static CaseResponse of(ModerationCase c) {
        return new CaseResponse(c.reviewId, c.version, c.filmId, c.authorDisplayName, c.authorUsername, c.rating,
                c.headline, c.body, c.authorSpoiler, c.outcome, c.spamScore, c.spoilerScore, c.reasons,
                c.spoilerSentences, c.decidedBy, c.submittedAt, c.decidedAt);
    }
}
