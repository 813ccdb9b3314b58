package org.filmreviews.moderation.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.filmreviews.events.Decision;
import org.filmreviews.moderation.cases.CaseSpan;
import org.filmreviews.moderation.cases.ModerationCase;
import org.filmreviews.moderation.cases.PolicyReason;
import org.filmreviews.platform.domain.Conflict;
import org.filmreviews.platform.domain.InvalidInput;
import org.junit.jupiter.api.Test;

/** The rules of a moderator's action, without a database: which refusal, naming which field, in which words. */
class DecisionRulesTest {

    private static ModerationCase openCase(String body) {
        ModerationCase subject = new ModerationCase();
        subject.version = 2;
        subject.open = true;
        subject.outcome = Decision.HOLD;
        subject.body = body;
        return subject;
    }

    private static ModerationCase decided(Decision outcome) {
        ModerationCase subject = openCase("A fine film.");
        subject.open = false;
        subject.outcome = outcome;
        subject.decidedBy = "mia";
        subject.decidedAt = Instant.parse("2026-01-02T03:04:05Z");
        return subject;
    }

    private static void assertField(Throwable refusal, String field, String rule) {
        assertThat(refusal).isInstanceOf(InvalidInput.class);
        InvalidInput invalid = (InvalidInput) refusal;
        assertThat(invalid.field()).contains(field);
        assertThat(invalid.rule()).contains(rule);
        assertThat(invalid.detail()).isEqualTo(field + ": " + rule);
    }

    @Test
    void aDecisionOnAnOlderVersionThanTheOneUnderModerationIsAConflict() {
        assertThatThrownBy(() -> DecisionRules.requireVersion(openCase("x"), 1L))
                .isInstanceOf(Conflict.class)
                .hasMessage("Version 2 of this review is under moderation now, not version 1.");
        assertThatCode(() -> DecisionRules.requireVersion(openCase("x"), 2L)).doesNotThrowAnyException();
        assertThatCode(() -> DecisionRules.requireVersion(openCase("x"), null)).doesNotThrowAnyException();
    }

    @Test
    void aDecidedCaseIsNotWaitingForAModerator() {
        assertThatThrownBy(() -> DecisionRules.requireOpen(decided(Decision.PUBLISH)))
                .isInstanceOf(Conflict.class)
                .hasMessage("This case is not waiting for a moderator: mia decided PUBLISH at 2026-01-02T03:04:05Z.");
    }

    @Test
    void aWithdrawnReviewCannotBeActedOn() {
        ModerationCase subject = openCase("x");
        subject.withdrawnAt = Instant.parse("2026-01-02T03:04:05Z");
        assertThatThrownBy(() -> DecisionRules.requireOpen(subject))
                .isInstanceOf(Conflict.class).hasMessage("The author withdrew this review at 2026-01-02T03:04:05Z.");
    }

    @Test
    void aCaseClaimedByAnotherModeratorIsAConflictButOnesOwnClaimIsNot() {
        ModerationCase subject = openCase("x");
        Instant now = Instant.parse("2026-01-02T03:00:00Z");
        subject.claimedBy = "ann";
        subject.claimedUntil = now.plusSeconds(60);
        assertThatThrownBy(() -> DecisionRules.requireNotClaimedByOthers(subject, "bob", now))
                .isInstanceOf(Conflict.class).hasMessage("Claimed by ann until 2026-01-02T03:01:00Z.");
        assertThatCode(() -> DecisionRules.requireNotClaimedByOthers(subject, "ann", now)).doesNotThrowAnyException();
    }

    @Test
    void holdingIsNoVerdictAModeratorCanGive() {
        assertField(catchRefusal(() -> DecisionRules.requireVerdict(Decision.HOLD)), "decision",
                "must be APPROVE, APPROVE_SPOILER or REJECT");
        assertField(catchRefusal(() -> DecisionRules.requireVerdict(null)), "decision",
                "must be APPROVE, APPROVE_SPOILER or REJECT");
    }

    @Test
    void aRejectionNeedsAReasonAndReasonOtherNeedsANote() {
        assertField(catchRefusal(() -> DecisionRules.requireReason(Decision.REJECT, null, null)), "reason",
                "is required to reject: one of the codes of GET /moderation/reasons");
        assertField(catchRefusal(() -> DecisionRules.requireReason(Decision.REJECT, PolicyReason.OTHER, null)), "note",
                "must say what the violation is when the reason is 'other'");
        assertThatCode(() -> DecisionRules.requireReason(Decision.REJECT, PolicyReason.OTHER, "threats"))
                .doesNotThrowAnyException();
    }

    @Test
    void aReasonFromTheListIsForRejectionsOnly() {
        assertField(catchRefusal(() -> DecisionRules.requireNoListedReasonToApprove(Decision.PUBLISH, PolicyReason.OTHER)),
                "reason", "a reason from the list is for rejections; say why you approve in the note");
        assertThatCode(() -> DecisionRules.requireNoListedReasonToApprove(Decision.REJECT, PolicyReason.OTHER))
                .doesNotThrowAnyException();
    }

    @Test
    void onlyAPublishedReviewOutOfTheQueueCanBeTakenDownAndOnlyATakeDownRestored() {
        assertThatThrownBy(() -> DecisionRules.requirePublished(openCase("x"))).isInstanceOf(Conflict.class)
                .hasMessage("This review waits in the queue: decide it instead of taking it down.");
        assertThatThrownBy(() -> DecisionRules.requirePublished(decided(Decision.REJECT))).isInstanceOf(Conflict.class)
                .hasMessage("This review is not published (it is REJECT); there is nothing to take down.");
        assertThatCode(() -> DecisionRules.requirePublished(decided(Decision.PUBLISH))).doesNotThrowAnyException();
        assertThatThrownBy(() -> DecisionRules.requireTakenDown(decided(Decision.PUBLISH))).isInstanceOf(Conflict.class)
                .hasMessage("This review was not taken down; there is nothing to restore.");
    }

    @Test
    void spoilerSpansAreSortedAndMustLieInsideTheBodyWithoutOverlapping() {
        ModerationCase subject = openCase("0123456789");
        assertThat(
                DecisionRules.chosenSpans(subject, Decision.PUBLISH_SPOILER, List.of(new CaseSpan(5, 8), new CaseSpan(0, 2))))
                .containsExactly(new CaseSpan(0, 2), new CaseSpan(5, 8));
        assertField(
                catchRefusal(() -> DecisionRules.chosenSpans(subject, Decision.PUBLISH_SPOILER, List.of(new CaseSpan(5, 11)))),
                "spoilerSentences", "each span needs 0 <= start < end <= 10 (the length of the review body)");
        assertField(catchRefusal(() -> DecisionRules.chosenSpans(subject, Decision.PUBLISH_SPOILER,
                List.of(new CaseSpan(0, 5), new CaseSpan(4, 6)))), "spoilerSentences", "spans must not overlap");
        assertField(catchRefusal(() -> DecisionRules.chosenSpans(subject, Decision.PUBLISH, List.of(new CaseSpan(0, 2)))),
                "spoilerSentences", "can only be chosen with APPROVE_SPOILER");
    }

    @Test
    void withoutChosenSpansAWarningKeepsTheEnginesChoiceAndAnythingElseHidesNothing() {
        assertThat(DecisionRules.chosenSpans(openCase("x"), Decision.PUBLISH_SPOILER, null)).isNull();
        assertThat(DecisionRules.chosenSpans(openCase("x"), Decision.REJECT, null)).isEmpty();
    }

    private static Throwable catchRefusal(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException refusal) {
            return refusal;
        }
        throw new AssertionError("expected a refusal");
    }
}
