package org.filmreviews.review.service.feedback;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.filmreviews.events.Author;
import org.filmreviews.events.ReportReason;
import org.filmreviews.events.ReviewReported;
import org.filmreviews.platform.domain.InvalidInput;
import org.filmreviews.platform.domain.NotAllowed;
import org.filmreviews.platform.domain.NotFound;
import org.filmreviews.platform.json.UserText;
import org.filmreviews.platform.outbox.Outbox;
import org.filmreviews.review.domain.Account;
import org.filmreviews.review.domain.Review;
import org.filmreviews.review.domain.ReviewReport;
import org.filmreviews.review.repository.AccountRepository;
import org.filmreviews.review.repository.ReviewReportRepository;
import org.filmreviews.review.repository.ReviewRepository;

/**
 * Readers report reviews on film pages as a spoiler, spam or abuse: one report per reader and review,
 * changeable, never of one's own review, throttled per reader. Every change publishes the report with
 * the review's new totals (reviews.review-reported.v1), which moderation acts on.
 */
@ApplicationScoped
public class ReportService {

    public static final int MAX_NOTE = 500;

    @Inject
    ReviewRepository reviews;

    @Inject
    ReviewReportRepository reports;

    @Inject
    AccountRepository accounts;

    @Inject
    ReportRateLimit rateLimit;

    @Inject
    Outbox outbox;

    /** The review's reports per reason. */
    public record Totals(int spoiler, int spam, int abuse) {

        static Totals of(Map<ReportReason, Integer> counts) {
            return new Totals(counts.getOrDefault(ReportReason.SPOILER, 0), counts.getOrDefault(ReportReason.SPAM, 0),
                    counts.getOrDefault(ReportReason.ABUSE, 0));
        }
    }

    @Transactional
    public Totals report(UUID readerId, UUID reviewId, ReportReason reason, String rawNote) {
        // The reader first, then the review: the order edits take, so the two never wait for each other.
        Account reader = lockReader(readerId);
        Review review = reportable(readerId, reviewId);
        String note = UserText.cleanOrNull(rawNote);
        if (note != null && note.length() > MAX_NOTE) {
            throw InvalidInput.field("note", "must be at most " + MAX_NOTE + " characters");
        }
        ReviewReport report = reports.findById(new ReviewReport.Key(reviewId, readerId));
        if (report != null && report.reason == reason && Objects.equals(report.note, note)) {
            return Totals.of(reports.totals(reviewId)); // the same report again changes nothing
        }
        rateLimit.take(readerId);
        boolean first = report == null;
        if (first) {
            report = new ReviewReport();
            report.reviewId = reviewId;
            report.reporterId = readerId;
        }
        report.reason = reason;
        report.note = note;
        // As PostgreSQL keeps it, so that moderation can tell a later report from the same one replayed.
        report.reportedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (first) {
            reports.persist(report);
        }
        Totals totals = Totals.of(reports.totals(reviewId));
        outbox.append(new ReviewReported(review.id, review.filmId, review.shownVersion,
                new Author(reader.id.toString(), reader.username, reader.displayName), reason, note, report.reportedAt,
                totals.spoiler(), totals.spam(), totals.abuse()), review.filmId.toString(), review.id.toString());
        return totals;
    }

    /** Locked: the rate limit must hold when one reader sends several reports at once. */
    private Account lockReader(UUID readerId) {
        Account reader = accounts.findById(readerId, LockModeType.PESSIMISTIC_WRITE);
        if (reader == null) {
            throw new NotAllowed("Your account no longer exists.");
        }
        return reader;
    }

    private Review reportable(UUID readerId, UUID reviewId) {
        // Locked: two readers reporting at once must both be in the totals the later event carries.
        Review review = reviews.findById(reviewId, LockModeType.PESSIMISTIC_WRITE);
        if (review == null || !review.onPage || review.isWithdrawn()) {
            throw new NotFound("No review with id " + reviewId + " is on a film page.");
        }
        if (review.authorId.equals(readerId)) {
            throw new NotAllowed("You cannot report your own review; edit or withdraw it instead.");
        }
        return review;
    }
}
