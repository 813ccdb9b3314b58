package org.filmreviews.moderation.report;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.filmreviews.events.Decision;
import org.filmreviews.events.Reason;
import org.filmreviews.events.ReviewReported;
import org.filmreviews.moderation.audit.AuditAction;
import org.filmreviews.moderation.audit.AuditTrail;
import org.filmreviews.moderation.cases.DecisionEvents;
import org.filmreviews.moderation.cases.ModerationCase;
import org.filmreviews.moderation.cases.ModerationCaseRepository;
import org.filmreviews.moderation.decision.ModeratorDecisions;
import org.filmreviews.platform.inbox.AppliedOnce;
import org.filmreviews.platform.json.UserText;
import org.filmreviews.platform.outbox.Outbox;
import org.jboss.logging.Logger;

/**
 * reviews.review-reported.v1: a reader reported a review on its film page. Every report is kept (one per
 * reader and review); enough of them on the version under moderation send its case back to the queue
 * marked as reported, and enough spoiler reports put a review published without a warning behind one at
 * once, announced like every decision. A moderator's decision settles them (see ModeratorDecisions).
 */
@ApplicationScoped
public class ReportService {

    static final String CONSUMER = "moderation.reports";
    /** {@code decidedBy} of what readers' reports decided. */
    static final String READERS = "readers";
    private static final Logger LOG = Logger.getLogger(ReportService.class);

    @Inject
    ModerationCaseRepository cases;

    @Inject
    CaseReportRepository reports;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Inject
    ReportThresholds thresholds;

    @Transactional
    @AppliedOnce(CONSUMER)
    public void apply(String eventId, ReviewReported reported) {
        // Locked: reports of one review, moderators and new versions take turns on the case.
        ModerationCase latest = cases.findLatestForUpdate(reported.reviewId())
                // a report of a review never moderated here: the dead-letter topic is where people look
                .orElseThrow(
                        () -> new IllegalStateException("Report of review " + reported.reviewId() + ", which has no case"));
        if (!keep(reported)) {
            return;
        }
        if (latest.withdrawnAt != null || latest.version != reported.version()) {
            // Kept for the record; the version it is about is gone from the page, or about to be.
            LOG.infof("Report of version %d of review %s kept without acting on it: version %d is current%s",
                    (Object) reported.version(), reported.reviewId(), latest.version,
                    latest.withdrawnAt != null ? " and withdrawn" : "");
            return;
        }
        Instant now = Instant.now();
        List<CaseReport> all = reports.ofReviews(List.of(latest.reviewId));
        ReportCounts waiting = ReportCounts.waiting(all, latest.version);
        if (latest.outcome == Decision.PUBLISH && waiting.spoiler() >= thresholds.hideSpoilerAfter()) {
            hideAsSpoiler(latest, waiting, now);
        } else if (!latest.reported && waiting.total() >= thresholds.reopenAfter()) {
            boolean waited = latest.open;
            markReported(latest, now);
            audit.record(latest, AuditTrail.Note.of(AuditAction.REPORTED, READERS).reason(null, "Readers reported the review ("
                    + waiting.describe() + "): " + (waited ? "marked as reported where it waits." : "back in the queue.")),
                    now);
        }
    }

    /**
     * Stores the reader's report in place of their earlier one; false when it is this report again (a
     * replay) or one the reader has since replaced.
     */
    private boolean keep(ReviewReported reported) {
        String reporterId = reported.reporter().id();
        // as PostgreSQL stores it, so that a replay compares equal
        Instant at = reported.reportedAt().truncatedTo(ChronoUnit.MICROS);
        CaseReport report = reports.findById(new CaseReport.Key(reported.reviewId(), reporterId));
        if (report != null && !at.isAfter(report.reportedAt)) {
            return false;
        }
        boolean first = report == null;
        if (first) {
            report = new CaseReport();
            report.reviewId = reported.reviewId();
            report.reporterId = reporterId;
        }
        report.reporterUsername = reported.reporter().username();
        report.version = reported.version();
        report.reason = reported.reason();
        report.note = UserText.cleanOrNull(reported.note());
        report.reportedAt = at;
        report.settledAt = null; // a new report, whatever a moderator answered to the reader's earlier one
        if (first) {
            reports.persist(report);
        }
        return true;
    }

    /**
     * PUBLISH_SPOILER of the same version, by readers: the sentences the engine found, or the whole body when
     * it found none, go behind the warning; the case waits for a moderator to confirm.
     */
    private void hideAsSpoiler(ModerationCase subject, ReportCounts waiting, Instant now) {
        subject.outcome = Decision.PUBLISH_SPOILER;
        subject.decidedBy = READERS;
        subject.decidedAt = now;
        subject.reasonCode = null;
        subject.note = null;
        subject.chosenSpoilerSentences = null; // the engine's sentences; none hides the whole review
        markReported(subject, now);
        Reason reason = new Reason("readers.spoiler", "Readers reported spoilers: the review is shown behind a spoiler"
                + " warning until a moderator has looked at it.");
        audit.record(subject, AuditTrail.Note.of(AuditAction.READERS_SPOILER, READERS).decision(Decision.PUBLISH_SPOILER)
                .reason(reason.code(), reason.message() + " Reports: " + waiting.describe() + "."), now);
        outbox.append(DecisionEvents.byReaders(subject, reason), subject.filmId.toString(), subject.reviewId.toString());
    }

    /** Into the queue as reported; a case already waiting keeps its place and its claim. */
    private static void markReported(ModerationCase subject, Instant now) {
        subject.reported = true;
        subject.reportedAt = now;
        if (!subject.open) {
            subject.enqueue(now);
        }
    }
}
