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
        assertFloors(card, 0.97, 0.95, 0.9, 0.95);
    }

    @Test
    void partBWhichOnlyEverGetsScored() {
        var card = score("b");
        assertFloors(card, 0.97, 0.95, 0.84, 0.93);
    }

    @Test
    void partCWhichTheSecondRoundCameFrom() {
        var card = score("c");
        assertFloors(card, 0.97, 0.97, 0.87, 0.95);
    }

    @Test
    void partDWrittenAfterTheLastRuleChange() {
        var card = score("d");
        assertFloors(card, 0.97, 0.97, 0.76, 0.92);
    }

    /**
     * Parts E, F and G (issue #14) were written blind, each with its films (title, synopsis, cast), by three writers who
     * saw neither the engine nor each other's work: a third spoilers that retell the plot plainly with the characters'
     * names, a third tricky honest reviews, a third spam that hides. E may be read to improve the engine; F and G are
     * only ever scored. The floors sit just under today's scores, as for the other parts.
     */
    @Test
    void partEWrittenWithItsFilmsWhichMayBeRead() {
        var card = score("e");
        if (Boolean.getBoolean("unseen.misses")) {
            card.misses().forEach(System.out::println);
        }
        assertFloors(card, 0.97, 0.97, 0.55, 0.85, 0.83);
    }

    @Test
    void partFWrittenWithItsFilmsWhichOnlyEverGetsScored() {
        var card = score("f");
        assertFloors(card, 0.97, 0.88, 0.29, 0.9, 0.71);
    }

    @Test
    void partGWrittenWithItsFilmsWhichOnlyEverGetsScored() {
        var card = score("g");
        assertFloors(card, 0.97, 0.85, 0.63, 0.9, 0.82);
    }

    private static UnseenReviews.Scorecard score(String part) {
        UnseenReviews.Scorecard card = UnseenReviews.load(part).score(ModerationEngine.builder().build());
        System.out.println(card.report());
        return card;
    }

    private static void assertFloors(UnseenReviews.Scorecard card, double clean, double spam, double spoiler, double accuracy) {
        assertFloors(card, clean, spam, spoiler, 0.9, accuracy);
    }

    private static void assertFloors(UnseenReviews.Scorecard card, double clean, double spam, double spoiler,
            double sentencePrecision,
            double accuracy) {
        assertThat(card.cleanPublishedRate()).as("honest reviews published clean").isGreaterThanOrEqualTo(clean);
        assertThat(card.spamRecall()).as("spam kept out").isGreaterThanOrEqualTo(spam);
        assertThat(card.spoilerRecall()).as("spoiler reviews behind a warning").isGreaterThanOrEqualTo(spoiler);
        assertThat(card.sentencePrecision()).as("hidden sentences that reveal the plot")
                .isGreaterThanOrEqualTo(sentencePrecision);
        assertThat(card.accuracy()).as("right outcome").isGreaterThanOrEqualTo(accuracy);
    }
}
