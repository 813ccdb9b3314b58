package org.filmreviews.moderation.queue.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.filmreviews.events.Decision;
import org.filmreviews.events.ReportReason;
import org.filmreviews.moderation.cases.CaseReason;
import org.filmreviews.moderation.cases.CaseSpan;
import org.filmreviews.moderation.cases.ModerationCase;
import org.filmreviews.moderation.queue.CaseFile;
import org.filmreviews.moderation.report.ReportCounts;

/**
 * A case as moderators see it: the review, the film, the author's history, the engine's scores,
 * reasons and spoiler sentences, and where the case stands (queue, claim, appeal, decision).
 *
 * @param outcome what holds now; {@code machineOutcome} is what the engine decided
 * @param claim null when nobody holds a live claim
 * @param reported back in the queue (or marked in it) because readers reported the review; a decision clears it
 * @param reportCounts readers' reports of this version that wait for a moderator, per reason
 * @param reports every report of the review, newest first, settled ones included
 */
public record CaseResponse(
        UUID reviewId,
        long version,
        UUID filmId,
        String filmTitle,
        String author,
        String authorUsername,
        AuthorHistoryResponse authorHistory,
        Integer rating,
        String headline,
        String body,
        boolean authorSpoiler,
        Instant submittedAt,
        Decision outcome,
        Decision machineOutcome,
        double spamScore,
        double spoilerScore,
        List<CaseReason> reasons,
        List<SpanText> spoilerSentences,
        String engineVersion,
        String decidedBy,
        Instant decidedAt,
        boolean open,
        Instant queuedAt,
        boolean appeal,
        String appealMessage,
        Instant appealedAt,
        Claim claim,
        String reasonCode,
        String note,
        boolean takenDown,
        Instant withdrawnAt,
        boolean reported,
        Instant reportedAt,
        ReportCounts reportCounts,
        List<Report> reports) {

    public record AuthorHistoryResponse(long otherReviews, long rejected) {
    }

    /** A span of the body and the text it covers. */
    public record SpanText(int start, int end, String text) {
    }

    public record Claim(String by, Instant until) {
    }

    /** One reader's report; {@code settledAt} is when a moderator's verdict answered it. */
    public record Report(ReportReason reason, String reporter, String note, Instant reportedAt, long version,
            Instant settledAt) {
    }

    public static CaseResponse of(CaseFile file) {
        ModerationCase c = file.subject();
        Instant now = Instant.now();
        Claim claim = c.claimedBy != null && c.claimedUntil != null && c.claimedUntil.isAfter(now)
                ? new Claim(c.claimedBy, c.claimedUntil) : null;
        return new CaseResponse(c.reviewId, c.version, c.filmId, file.filmTitle(), c.authorDisplayName, c.authorUsername,
                new AuthorHistoryResponse(file.author().otherReviews(), file.author().rejected()), c.rating, c.headline,
                c.body, c.authorSpoiler, c.submittedAt, c.outcome, c.machineOutcome, c.spamScore, c.spoilerScore, c.reasons,
                texts(c.body, c.spoilerSentences), c.engineVersion, c.decidedBy, c.decidedAt, c.open, c.queuedAt, c.appeal,
                c.appealMessage, c.appealedAt, claim, c.reasonCode, c.note, c.takenDownFrom != null, c.withdrawnAt, c.reported,
                c.reportedAt, file.waitingReports(), file.reports().stream().map(r -> new Report(r.reason, r.reporterUsername,
                        r.note, r.reportedAt, r.version, r.settledAt)).toList());
    }

    private static List<SpanText> texts(String body, List<CaseSpan> spans) {
        return spans.stream().map(s -> new SpanText(s.start(), s.end(),
                body.substring(Math.max(0, s.start()), Math.min(body.length(), s.end())))).toList();
    }
}
