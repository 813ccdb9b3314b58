package org.filmreviews.moderation.queue;

import java.util.List;

import org.filmreviews.moderation.cases.ModerationCase;
import org.filmreviews.moderation.report.CaseReport;
import org.filmreviews.moderation.report.ReportCounts;

/**
 * A case with what a moderator needs around it: the film's title, the author's history and what readers
 * reported about the review (newest first, settled ones included).
 */
public record CaseFile(ModerationCase subject, String filmTitle, AuthorHistory author, List<CaseReport> reports) {

    /** The reports that wait for a moderator: of this version, not settled. */
    public ReportCounts waitingReports() {
        return ReportCounts.waiting(reports, subject.version);
    }
}
