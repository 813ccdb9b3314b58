package org.filmreviews.moderation.withdrawal;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.filmreviews.events.ReviewWithdrawn;
import org.filmreviews.moderation.audit.AuditAction;
import org.filmreviews.moderation.audit.AuditTrail;
import org.filmreviews.moderation.cases.ModerationCase;
import org.filmreviews.moderation.cases.ModerationCaseRepository;
import org.filmreviews.moderation.screening.ModerationService;
import org.filmreviews.platform.inbox.AppliedOnce;

/**
 * reviews.review-withdrawn.v1: the author deleted the review. Its case leaves the queue and its words are erased
 * ({@link Erasure}): the engine forgets them, so posting the text again is not taken for a copy.
 */
@ApplicationScoped
public class WithdrawalService {

    static final String CONSUMER = "moderation.withdrawals";

    @Inject
    ModerationCaseRepository cases;

    @Inject
    AuditTrail audit;

    @Inject
    Erasure erasure;

    @Inject
    WithdrawalRepository withdrawals;

    @Transactional
    @AppliedOnce(CONSUMER)
    public void apply(String eventId, ReviewWithdrawn withdrawn) {
        Instant now = Instant.now();
        Instant at = withdrawn.withdrawnAt() == null ? now : withdrawn.withdrawnAt();
        // Kept also when no case exists yet: the submission may still be on its way (see ModerationService).
        withdrawals.record(withdrawn.reviewId(), withdrawn.version(), at);
        List<ModerationCase> all = cases.lockAll(withdrawn.reviewId());
        erasure.erase(withdrawn.reviewId(), all);
        if (all.isEmpty() || all.get(all.size() - 1).withdrawnAt != null) {
            return;
        }
        ModerationCase latest = all.get(all.size() - 1);
        for (ModerationCase open : all) {
            if (open.open) {
                open.close();
            }
        }
        latest.withdrawnAt = at;
        audit.record(latest, AuditTrail.Note.of(AuditAction.WITHDRAWN, latest.authorUsername)
                .reason(null, "The author withdrew the review."), now);
    }
}
