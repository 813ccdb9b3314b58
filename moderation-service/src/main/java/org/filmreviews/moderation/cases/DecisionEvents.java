package org.filmreviews.moderation.cases;

import java.util.ArrayList;
import java.util.List;

import org.filmreviews.events.Decision;
import org.filmreviews.events.PublishedReview;
import org.filmreviews.events.Reason;
import org.filmreviews.events.ReviewDecided;
import org.filmreviews.events.Scores;
import org.filmreviews.events.TextSpan;

/** The moderation.review-decided.v1 payload for what a case now says. */
public final class DecisionEvents {

    private DecisionEvents() {
    }

    /** The engine's decision, with its findings as reasons. */
    public static ReviewDecided machine(ModerationCase decided) {
        List<Reason> reasons = new ArrayList<>();
        for (CaseReason reason : decided.reasons) {
            reasons.add(new Reason(reason.code(), reason.message()));
        }
        if (reasons.isEmpty()) {
            reasons.add(new Reason("clean", "No spam or spoiler signals were found."));
        }
        return of(decided, reasons, null);
    }

    /**
     * A moderator's decision: the reasons are the moderator's, in the words the author will read.
     *
     * @param answersAppeal sets the contract's optional {@code appeal} flag
     */
    public static ReviewDecided human(ModerationCase decided, Reason reason, boolean answersAppeal) {
        return of(decided, List.of(reason), answersAppeal ? Boolean.TRUE : null);
    }

    /** What readers' reports decided (a spoiler warning), with the reason the author will read. */
    public static ReviewDecided byReaders(ModerationCase decided, Reason reason) {
        return of(decided, List.of(reason), null);
    }

    private static ReviewDecided of(ModerationCase decided, List<Reason> reasons, Boolean appeal) {
        PublishedReview published = decided.outcome.published()
                ? new PublishedReview(decided.authorDisplayName, decided.authorUsername, decided.rating, decided.headline,
                        decided.body, decided.outcome == Decision.PUBLISH_SPOILER,
                        decided.outcome == Decision.PUBLISH_SPOILER
                                ? decided.publishedSpoilerSentences().stream().map(s -> new TextSpan(s.start(), s.end()))
                                        .toList()
                                : List.of(),
                        decided.submittedAt)
                : null;
        return new ReviewDecided(decided.reviewId, decided.filmId, decided.version, decided.outcome,
                new Scores(clamp(decided.spamScore), clamp(decided.spoilerScore)), reasons, published, decided.decidedBy,
                decided.decidedAt, appeal);
    }

    private static double clamp(double score) {
        return Math.max(0, Math.min(1, score));
    }
}
