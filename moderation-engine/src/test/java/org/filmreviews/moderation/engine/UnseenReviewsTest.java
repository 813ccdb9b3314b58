package org.filmreviews.moderation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The shipped engine on reviews it was never tuned for ({@link UnseenReviews}). Part C was written after the rules
 * were changed, by another session that saw neither them nor parts A and B, and was scored once before any further
 * change. The engine is deterministic, so the
 * floors sit just under what it scores today: a change that makes it worse on reviews like these fails here. The
 * scorecards are printed for the bench report.
 */
class UnseenReviewsTest {

    @Test
    void partAWhichTheRulesWereImprovedOn() {
        var card = UnseenReviews.load("a").score(new ModerationEngine());
        System.out.println(card.report());
        card.misses().forEach(miss -> System.out.println("  missed " + miss));

        assertThat(card.cleanPublishedRate()).as("honest reviews published clean").isGreaterThanOrEqualTo(0.97);
        assertThat(card.spamRecall()).as("spam kept out").isGreaterThanOrEqualTo(0.92);
        assertThat(card.spoilerRecall()).as("spoiler reviews behind a warning").isGreaterThanOrEqualTo(0.78);
        assertThat(card.sentencePrecision()).as("hidden sentences that reveal the plot").isGreaterThanOrEqualTo(0.9);
        assertThat(card.accuracy()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void partBWhichOnlyEverGetsScored() {
        var card = UnseenReviews.load("b").score(new ModerationEngine());
        System.out.println(card.report());

        assertThat(card.cleanPublishedRate()).as("honest reviews published clean").isGreaterThanOrEqualTo(0.97);
        assertThat(card.spamRecall()).as("spam kept out").isGreaterThanOrEqualTo(0.78);
        assertThat(card.spoilerRecall()).as("spoiler reviews behind a warning").isGreaterThanOrEqualTo(0.6);
        assertThat(card.sentencePrecision()).as("hidden sentences that reveal the plot").isGreaterThanOrEqualTo(0.9);
        assertThat(card.accuracy()).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void partCWrittenAfterTheRulesAndScoredOnce() {
        var card = UnseenReviews.load("c").score(new ModerationEngine());
        System.out.println(card.report());

        assertThat(card.cleanPublishedRate()).as("honest reviews published clean").isGreaterThanOrEqualTo(0.97);
        assertThat(card.spamRecall()).as("spam kept out").isGreaterThanOrEqualTo(0.74);
        assertThat(card.spoilerRecall()).as("spoiler reviews behind a warning").isGreaterThanOrEqualTo(0.55);
        assertThat(card.sentencePrecision()).as("hidden sentences that reveal the plot").isGreaterThanOrEqualTo(0.9);
        assertThat(card.accuracy()).isGreaterThanOrEqualTo(0.78);
    }
}
