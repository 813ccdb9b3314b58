package org.filmreviews.moderation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The shipped engine on reviews written for the project by sessions that had not seen its rules
 * ({@link UnseenReviews}). Parts A and C were read to improve the rules; parts B and D never were: B's totals were
 * watched while the rules changed, and D was written after the last rule change (and also scored with lower spoiler
 * thresholds, which were not adopted). The engine is deterministic, so the floors sit just under
 * what it scores today: a change that makes it worse on reviews like these fails here. The scorecards are printed
 * for the README.
 */
class UnseenReviewsTest {

    @Test
    void partAWhichTheFirstRoundOfRulesCameFrom() {
        var card = score("a");
        assertFloors(card, 0.97, 0.92, 0.78, 0.9);
    }

    @Test
    void partBWhichOnlyEverGetsScored() {
        var card = score("b");
        assertFloors(card, 0.97, 0.83, 0.6, 0.82);
    }

    @Test
    void partCWhichTheSecondRoundCameFrom() {
        var card = score("c");
        assertFloors(card, 0.97, 0.93, 0.78, 0.9);
    }

    @Test
    void partDWrittenAfterTheLastRuleChange() {
        var card = score("d");
        assertFloors(card, 0.97, 0.88, 0.52, 0.8);
    }

    private static UnseenReviews.Scorecard score(String part) {
        UnseenReviews.Scorecard card = UnseenReviews.load(part).score(new ModerationEngine());
        System.out.println(card.report());
        return card;
    }

    private static void assertFloors(UnseenReviews.Scorecard card, double clean, double spam, double spoiler, double accuracy) {
        assertThat(card.cleanPublishedRate()).as("honest reviews published clean").isGreaterThanOrEqualTo(clean);
        assertThat(card.spamRecall()).as("spam kept out").isGreaterThanOrEqualTo(spam);
        assertThat(card.spoilerRecall()).as("spoiler reviews behind a warning").isGreaterThanOrEqualTo(spoiler);
        assertThat(card.sentencePrecision()).as("hidden sentences that reveal the plot").isGreaterThanOrEqualTo(0.9);
        assertThat(card.accuracy()).as("right outcome").isGreaterThanOrEqualTo(accuracy);
    }
}
