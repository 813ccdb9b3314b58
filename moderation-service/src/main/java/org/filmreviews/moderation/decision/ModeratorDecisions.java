package org.filmreviews.moderation.decision;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.filmreviews.events.Decision;
import org.filmreviews.events.Reason;
import org.filmreviews.moderation.audit.AuditAction;
import org.filmreviews.moderation.audit.AuditTrail;
import org.filmreviews.moderation.cases.CaseSpan;
import org.filmreviews.moderation.cases.DecisionEvents;
import org.filmreviews.moderation.cases.ModerationCase;
import org.filmreviews.moderation.cases.ModerationCaseRepository;
import org.filmreviews.moderation.cases.PolicyReason;
import org.filmreviews.moderation.film.FilmSecretRepository;
import org.filmreviews.moderation.learning.EngineLesson;
import org.filmreviews.moderation.learning.EngineLessonRepository;
import org.filmreviews.moderation.report.CaseReportRepository;
import org.filmreviews.platform.domain.NotFound;
import org.filmreviews.platform.json.UserText;
import org.filmreviews.platform.outbox.Outbox;

/**
 * What moderators do to cases: claim one so nobody else decides it meanwhile, decide it, take a
 * published review down and restore it. Each action locks the case row, checks that it still applies,
 * and writes the case, the audit line, the lesson for the engine and the event in one transaction. A
 * decision or take-down also settles readers' reports of the review.
 */
@ApplicationScoped
public class ModeratorDecisions {

    @Inject
    ModerationCaseRepository cases;

    @Inject
    EngineLessonRepository lessons;

    @Inject
    FilmSecretRepository secrets;

    @Inject
    CaseReportRepository reports;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Inject
    ClaimConfig claims;

    @Transactional
    public ModerationCase claim(UUID reviewId, String moderator) {
        ModerationCase subject = lockedCase(reviewId);
        Instant now = Instant.now();
        DecisionRules.requireOpen(subject);
        DecisionRules.requireNotClaimedByOthers(subject, moderator, now);
        boolean renewal = moderator.equals(subject.claimedBy) && subject.claimedUntil != null
                && subject.claimedUntil.isAfter(now);
        subject.claimedBy = moderator;
        subject.claimedUntil = now.plus(claims.claimDuration());
        if (!renewal) {
            audit.record(subject, AuditTrail.Note.of(AuditAction.CLAIM, moderator)
                    .reason(null, "Claimed until " + subject.claimedUntil + ".").appeal(subject.appeal), now);
        }
        return subject;
    }

    /** Gives a claimed case back to the queue; releasing what one does not hold is a conflict. */
    @Transactional
    public ModerationCase release(UUID reviewId, String moderator) {
        ModerationCase subject = lockedCase(reviewId);
        Instant now = Instant.now();
        DecisionRules.requireNotClaimedByOthers(subject, moderator, now);
        if (moderator.equals(subject.claimedBy)) {
            subject.claimedBy = null;
            subject.claimedUntil = null;
            audit.record(subject, AuditTrail.Note.of(AuditAction.RELEASE, moderator).appeal(subject.appeal), now);
        }
        return subject;
    }

    @Transactional
    public ModerationCase decide(UUID reviewId, String moderator, HumanDecision ruling) {
        ModerationCase subject = lockedCase(reviewId);
        Instant now = Instant.now();
        DecisionRules.requireVersion(subject, ruling.version());
        DecisionRules.requireOpen(subject);
        DecisionRules.requireNotClaimedByOthers(subject, moderator, now);
        Decision decision = ruling.decision();
        DecisionRules.requireVerdict(decision);
        String note = UserText.cleanOrNull(ruling.note());
        DecisionRules.requireReason(decision, ruling.reason(), note);
        DecisionRules.requireNoListedReasonToApprove(decision, ruling.reason());
        List<CaseSpan> chosen = DecisionRules.chosenSpans(subject, decision, ruling.spoilerSentences());
        if (decision == Decision.PUBLISH && subject.authorSpoiler) {
            decision = Decision.PUBLISH_SPOILER; // the author's own flag is always honoured
            chosen = null;
        }

        Boolean overturned = subject.decidedByEngine() && subject.outcome != Decision.HOLD ? decision != subject.outcome : null;
        boolean answersAppeal = subject.appeal;
        subject.outcome = decision;
        subject.decidedBy = moderator;
        subject.decidedAt = now;
        subject.reasonCode = ruling.reason() == null ? null : ruling.reason().code();
        subject.note = note;
        subject.chosenSpoilerSentences = chosen;
        subject.takenDownFrom = null; // an appealed take-down is settled by this decision
        subject.close();
        settleReports(subject, now);

        Reason reason = reasonOf(decision, ruling.reason(), note);
        audit.record(subject, AuditTrail.Note.of(AuditAction.DECISION, moderator).decision(decision)
                .reason(subject.reasonCode, reason.message()).overturned(overturned).appeal(answersAppeal), now);
        teach(subject, decision, chosen, now);
        if (decision == Decision.PUBLISH_SPOILER) {
            markSecrets(subject, moderator, now);
        }
        outbox.append(DecisionEvents.human(subject, reason, answersAppeal), subject.filmId.toString(),
                subject.reviewId.toString());
        return subject;
    }

    /** The sentences a moderator hides behind the warning are the film's secrets from now on, for every later review. */
    private void markSecrets(ModerationCase subject, String moderator, Instant now) {
        for (CaseSpan span : subject.publishedSpoilerSentences()) {
            if (span.end() <= subject.body.length()) {
                String sentence = subject.body.substring(span.start(), span.end()).strip();
                if (!sentence.isEmpty()) {
                    secrets.mark(subject.filmId, subject.reviewId, subject.version, sentence, moderator, now);
                }
            }
        }
    }

    /** A published review found to break the rules later: off the page, same version, through the same event. */
    @Transactional
    public ModerationCase takeDown(UUID reviewId, String moderator, PolicyReason why, String rawNote) {
        ModerationCase subject = lockedCase(reviewId);
        Instant now = Instant.now();
        DecisionRules.requireNotWithdrawn(subject);
        DecisionRules.requirePublished(subject);
        String note = UserText.cleanOrNull(rawNote);
        DecisionRules.requireReason(Decision.REJECT, why, note);
        Boolean overturned = subject.decidedByEngine() ? Boolean.TRUE : null;
        subject.takenDownFrom = subject.outcome;
        subject.outcome = Decision.REJECT;
        subject.decidedBy = moderator;
        subject.decidedAt = now;
        subject.reasonCode = why.code();
        subject.note = note;
        settleReports(subject, now);

        Reason reason = reasonOf(Decision.REJECT, why, note);
        audit.record(subject, AuditTrail.Note.of(AuditAction.TAKE_DOWN, moderator).decision(Decision.REJECT)
                .reason(why.code(), reason.message()).overturned(overturned), now);
        if (why.teachesSpam()) {
            teach(subject, Decision.REJECT, null, now);
        }
        outbox.append(DecisionEvents.human(subject, reason, false), subject.filmId.toString(), subject.reviewId.toString());
        return subject;
    }

    /** Undoes a take-down: the review goes back on the page as it was published before. */
    @Transactional
    public ModerationCase restore(UUID reviewId, String moderator, String rawNote) {
        ModerationCase subject = lockedCase(reviewId);
        Instant now = Instant.now();
        DecisionRules.requireNotWithdrawn(subject);
        DecisionRules.requireTakenDown(subject);
        PolicyReason takenDownFor = PolicyReason.ofCode(subject.reasonCode).orElse(PolicyReason.OTHER);
        String note = UserText.cleanOrNull(rawNote);
        subject.outcome = subject.takenDownFrom;
        subject.takenDownFrom = null;
        subject.decidedBy = moderator;
        subject.decidedAt = now;
        subject.reasonCode = null;
        subject.note = note;

        Reason reason = new Reason("moderator.restored", "A moderator restored the review." + (note == null ? "" : " " + note));
        audit.record(subject, AuditTrail.Note.of(AuditAction.RESTORE, moderator).decision(subject.outcome)
                .reason(null, reason.message()), now);
        if (takenDownFor.teachesSpam()) {
            // the take-down taught the engine this was spam; the restore says it was not
            teach(subject, subject.outcome, subject.chosenSpoilerSentences, now);
        }
        outbox.append(DecisionEvents.human(subject, reason, false), subject.filmId.toString(), subject.reviewId.toString());
        return subject;
    }

    /**
     * A verdict answers what readers reported so far: the case leaves the reported state, and only reports
     * made after it count again.
     */
    private void settleReports(ModerationCase subject, Instant now) {
        subject.reported = false;
        reports.settle(subject.reviewId, now);
    }

    private ModerationCase lockedCase(UUID reviewId) {
        return cases.findLatestForUpdate(reviewId)
                .orElseThrow(() -> new NotFound("No moderation case for review " + reviewId));
    }

    private static Reason reasonOf(Decision decision, PolicyReason reason, String note) {
        String tail = note == null ? "" : " " + note;
        if (decision == Decision.REJECT) {
            return new Reason("moderator." + reason.code(), "Rejected by a moderator: " + reason.label() + "." + tail);
        }
        return new Reason("moderator.approved", (decision == Decision.PUBLISH_SPOILER
                ? "A moderator approved the review with a spoiler warning." : "A moderator approved the review.") + tail);
    }

    private void teach(ModerationCase subject, Decision outcome, List<CaseSpan> spoilerSentences, Instant now) {
        EngineLesson lesson = new EngineLesson();
        lesson.caseId = subject.id;
        lesson.outcome = outcome;
        lesson.spoilerSentences = spoilerSentences;
        lesson.createdAt = now;
        lessons.persist(lesson);
    }
}
