package org.filmreviews.moderation.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.filmreviews.events.ReviewWithdrawn;
import org.filmreviews.moderation.domain.AuditAction;
import org.filmreviews.moderation.domain.ModerationCase;
import org.filmreviews.moderation.engine.ModerationEngine;
import org.filmreviews.moderation.repository.ModerationCaseRepository;
import org.filmreviews.platform.inbox.Inbox;

/**
 * reviews.review-withdrawn.v1: the author deleted the review. Its case leaves the queue, and the engine
 * forgets the text so that posting it again is not taken for a copy.
 */
@ApplicationScoped
public class Withdrawals {

    static final String CONSUMER = "moderation.withdrawals";

    @Inject
    Inbox inbox;

    @Inject
    ModerationCaseRepository cases;

    @Inject
    AuditTrail audit;

    @Inject
    ModerationEngine engine;

    @Transactional
    public void apply(String eventId, ReviewWithdrawn withdrawn) {
        if (!inbox.firstDelivery(eventId, CONSUMER)) {
            return;
        }
        // Forgetting twice is harmless, so it need not wait for the commit.
        engine.forget(withdrawn.reviewId().toString());
        ModerationCase latest = cases.findLatestForUpdate(withdrawn.reviewId()).orElse(null);
        if (latest == null || latest.withdrawnAt != null) {
            return;
        }
        Instant now = Instant.now();
        for (ModerationCase open : cases.findOpen(withdrawn.reviewId())) {
            open.close();
        }
        latest.withdrawnAt = withdrawn.withdrawnAt() == null ? now : withdrawn.withdrawnAt();
        audit.record(latest, AuditTrail.Note.of(AuditAction.WITHDRAWN, latest.authorUsername)
                .reason(null, "The author withdrew the review."), now);
    }
}
