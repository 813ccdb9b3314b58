package org.filmreviews.moderation.appeal;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.filmreviews.events.Decision;
import org.filmreviews.events.ReviewAppealed;
import org.filmreviews.moderation.audit.AuditAction;
import org.filmreviews.moderation.audit.AuditTrail;
import org.filmreviews.moderation.cases.ModerationCase;
import org.filmreviews.moderation.cases.ModerationCaseRepository;
import org.filmreviews.platform.inbox.AppliedOnce;
import org.filmreviews.platform.json.UserText;
import org.jboss.logging.Logger;

/**
 * reviews.review-appealed.v1: the author of a rejected review asks for another look. The case goes
 * back to the queue marked as an appeal; the moderator's answer is a decision like any other, flagged
 * as answering the appeal.
 */
@ApplicationScoped
public class AppealService {

    static final String CONSUMER = "moderation.appeals";
    private static final Logger LOG = Logger.getLogger(AppealService.class);

    @Inject
    ModerationCaseRepository cases;

    @Inject
    AuditTrail audit;

    @Transactional
    @AppliedOnce(CONSUMER)
    public void apply(String eventId, ReviewAppealed appealed) {
        ModerationCase latest = cases.findLatestForUpdate(appealed.reviewId())
                // an appeal of a review never moderated here: the dead-letter topic is where people look
                .orElseThrow(
                        () -> new IllegalStateException("Appeal of review " + appealed.reviewId() + ", which has no case"));
        if (latest.version != appealed.version()) {
            LOG.infof("Ignoring the appeal of version %d of review %s: version %d is current",
                    (Object) appealed.version(), appealed.reviewId(), latest.version);
            return;
        }
        if (latest.appealedAt != null || latest.withdrawnAt != null) {
            return; // one appeal per review; nothing to reconsider once withdrawn
        }
        Instant now = Instant.now();
        String message = UserText.cleanOrNull(appealed.message());
        latest.appealMessage = message;
        latest.appealedAt = appealed.appealedAt() == null ? now : appealed.appealedAt();
        String actor = appealed.author() == null ? latest.authorUsername : appealed.author().username();
        if (latest.outcome != Decision.REJECT || latest.open) {
            audit.record(latest, AuditTrail.Note.of(AuditAction.APPEAL_RECEIVED, actor).reason(null,
                    "Not reopened: the review is " + (latest.open ? "already in the queue" : latest.outcome) + ". "
                            + (message == null ? "" : message)),
                    now);
            return;
        }
        latest.appeal = true;
        latest.enqueue(latest.appealedAt);
        audit.record(latest, AuditTrail.Note.of(AuditAction.APPEAL_RECEIVED, actor)
                .reason(null, message == null ? "The author appealed without a message." : message).appeal(true), now);
    }
}
