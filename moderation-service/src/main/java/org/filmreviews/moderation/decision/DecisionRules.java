package org.filmreviews.moderation.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.filmreviews.events.Decision;
import org.filmreviews.moderation.cases.CaseSpan;
import org.filmreviews.moderation.cases.ModerationCase;
import org.filmreviews.moderation.cases.PolicyReason;
import org.filmreviews.platform.domain.Conflict;
import org.filmreviews.platform.domain.InvalidInput;

/**
 * The rules a moderator's action must pass before it changes a case, said as domain refusals: a
 * {@link Conflict} when the case is not in the state the action needs, an {@link InvalidInput} naming the
 * field when the ruling itself is wrong. Pure functions of the case and the ruling, so they are tested
 * without a database ({@code DecisionRulesTest}).
 */
final class DecisionRules {

    private DecisionRules() {
    }

    /** A client that says which version it looked at must be deciding the version under moderation now. */
    static void requireVersion(ModerationCase subject, Long looked) {
        if (looked != null && looked != subject.version) {
            throw new Conflict("Version " + subject.version + " of this review is under moderation now, not version "
                    + looked + ".");
        }
    }

    /** A moderator publishes, publishes with a warning or rejects; holding is the engine's. */
    static void requireVerdict(Decision decision) {
        if (decision == null || decision == Decision.HOLD) {
            throw InvalidInput.field("decision", "must be APPROVE, APPROVE_SPOILER or REJECT");
        }
    }

    /** A reason from the list is for rejections; an approval says why in its note. */
    static void requireNoListedReasonToApprove(Decision decision, PolicyReason reason) {
        if (reason != null && decision != Decision.REJECT) {
            throw InvalidInput.field("reason", "a reason from the list is for rejections; say why you approve in the note");
        }
    }

    /** Only a published review, out of the queue, can be taken down. */
    static void requirePublished(ModerationCase subject) {
        if (subject.open) {
            throw new Conflict("This review waits in the queue: decide it instead of taking it down.");
        }
        if (!subject.outcome.published()) {
            throw new Conflict("This review is not published (it is " + subject.outcome + "); there is nothing to take down.");
        }
    }

    /** Only a take-down can be restored. */
    static void requireTakenDown(ModerationCase subject) {
        if (subject.takenDownFrom == null) {
            throw new Conflict("This review was not taken down; there is nothing to restore.");
        }
    }

    static void requireOpen(ModerationCase subject) {
        requireNotWithdrawn(subject);
        if (!subject.open) {
            throw new Conflict("This case is not waiting for a moderator: " + subject.decidedBy + " decided "
                    + subject.outcome + " at " + subject.decidedAt + ".");
        }
    }

    static void requireNotWithdrawn(ModerationCase subject) {
        if (subject.withdrawnAt != null) {
            throw new Conflict("The author withdrew this review at " + subject.withdrawnAt + ".");
        }
    }

    static void requireNotClaimedByOthers(ModerationCase subject, String moderator, Instant now) {
        if (subject.claimedByOtherThan(moderator, now)) {
            throw new Conflict("Claimed by " + subject.claimedBy + " until " + subject.claimedUntil + ".");
        }
    }

    static void requireReason(Decision decision, PolicyReason reason, String note) {
        if (decision == Decision.REJECT && reason == null) {
            throw InvalidInput.field("reason", "is required to reject: one of the codes of GET /moderation/reasons");
        }
        if (reason == PolicyReason.OTHER && note == null) {
            throw InvalidInput.field("note", "must say what the violation is when the reason is 'other'");
        }
    }

    /** The spans to hide: checked against the body, sorted; none for a plain approval or a rejection. */
    static List<CaseSpan> chosenSpans(ModerationCase subject, Decision decision, List<CaseSpan> requested) {
        if (requested == null) {
            return decision == Decision.PUBLISH_SPOILER ? null : List.of();
        }
        if (decision != Decision.PUBLISH_SPOILER) {
            throw InvalidInput.field("spoilerSentences", "can only be chosen with APPROVE_SPOILER");
        }
        List<CaseSpan> sorted = new ArrayList<>(requested);
        sorted.sort(Comparator.comparingInt(CaseSpan::start));
        int length = subject.body.length();
        int previousEnd = 0;
        for (CaseSpan span : sorted) {
            if (span == null || span.start() < 0 || span.end() > length || span.start() >= span.end()) {
                throw InvalidInput.field("spoilerSentences",
                        "each span needs 0 <= start < end <= " + length + " (the length of the review body)");
            }
            if (span.start() < previousEnd) {
                throw InvalidInput.field("spoilerSentences", "spans must not overlap");
            }
            previousEnd = span.end();
        }
        return List.copyOf(sorted);
    }
}
