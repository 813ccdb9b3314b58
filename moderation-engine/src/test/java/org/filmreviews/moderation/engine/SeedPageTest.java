package org.filmreviews.moderation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The eight real reviews of the seed page, read from shared/seeds (skipped when it is not beside the checkout). */
class SeedPageTest {

    private static final Optional<SeedPage> SEED = SeedPage.load();
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private ModerationEngine engine;
    private SeedPage seed;

    @BeforeEach
    void setUp() {
        assumeTrue(SEED.isPresent(), "shared/seeds/mirror-for-a-hero.txt is not available");
        seed = SEED.get();
        engine = ModerationEngine.builder().build();
        // The page as it stands: every review is already known to the engine.
        int minute = 0;
        for (var review : seed.reviewsByAuthor.entrySet()) {
            engine.remember(new Submission("seed-" + review.getKey(), "mirror", review.getKey(), null, review.getValue(), false,
                    T0.plusSeconds(60L * minute++)));
        }
    }

    private Verdict assess(String author, String reviewId, String body) {
        return engine.assess(new Submission(reviewId, "mirror", author, null, body, false, T0.plusSeconds(3600)), seed.film);
    }

    @Test
    void theEightReviewsAreAllThere() {
        assertThat(seed.reviewsByAuthor).containsOnlyKeys("Cubussoli", "BlazeLime", "Tayloriona", "Cristal", "ericoblair",
                "alex904",
                "ollaer", "Efenstor");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Cubussoli", "BlazeLime", "Tayloriona", "Cristal", "ericoblair", "Efenstor"})
    void plainReviewsPublishClean(String author) {
        Verdict verdict = assess(author, "seed-" + author, seed.reviewsByAuthor.get(author));
        assertThat(verdict.outcome()).as(verdict.toString()).isEqualTo(Outcome.PUBLISH);
        assertThat(verdict.spoilerSentences()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"alex904", "ollaer"})
    void reviewsThatWarnOfSpoilersPublishAsSpoilers(String author) {
        String body = seed.reviewsByAuthor.get(author);
        Verdict verdict = assess(author, "seed-" + author, body);
        assertThat(verdict.outcome()).as(verdict.toString()).isEqualTo(Outcome.PUBLISH_SPOILER);
        assertThat(verdict.findings()).extracting(Finding::code).contains("spoiler.marker");
        assertThat(verdict.spoilerSentences()).isNotEmpty();
        for (Span span : verdict.spoilerSentences()) {
            assertThat(span.start()).isBetween(0, body.length());
            assertThat(span.end()).isBetween(span.start() + 1, body.length());
        }
    }

    @Test
    void alexsSpoilerSentencesAreTheOnesBeforeEnoughOfSpoilers() {
        String body = seed.reviewsByAuthor.get("alex904");
        Verdict verdict = assess("alex904", "seed-alex904", body);
        int marker = body.indexOf("Enough of spoilers");
        assertThat(verdict.spoilerSentences()).allSatisfy(span -> assertThat(span.end()).isLessThanOrEqualTo(marker));
        assertThat(verdict.spoilerSentences())
                .anySatisfy(span -> assertThat(body.substring(span.start(), span.end())).contains("meets his parents"));
    }

    @Test
    void ollaersWarningStaysVisibleAndTheStoryIsHidden() {
        String body = seed.reviewsByAuthor.get("ollaer");
        Verdict verdict = assess("ollaer", "seed-ollaer", body);
        Span first = verdict.spoilerSentences().get(0);
        assertThat(body.substring(first.start(), first.end())).startsWith("Two friends");
    }

    @Test
    void theAdvertisementIsRejected() {
        Verdict verdict = assess("advertiser", "ad-1",
                "Watch Free for 30 Days\n\nStream thousands of hit movies and TV shows\n\nStart 30-day Free Trial");
        assertThat(verdict.outcome()).as(verdict.toString()).isEqualTo(Outcome.REJECT);
    }

    @Test
    void aCopyOfEricoblairsReviewByAnotherAuthorIsHeldOrRejected() {
        Verdict verdict = assess("copycat", "copy-1", seed.reviewsByAuthor.get("ericoblair"));
        assertThat(verdict.outcome()).as(verdict.toString()).isIn(Outcome.HOLD, Outcome.REJECT);
        assertThat(verdict.findings()).extracting(Finding::code).contains("spam.duplicate");
    }

    @Test
    void ericoblairsOwnReviewRedeliveredIsNotADuplicate() {
        String body = seed.reviewsByAuthor.get("ericoblair");
        Verdict first = assess("ericoblair", "seed-ericoblair", body);
        Verdict again = assess("ericoblair", "seed-ericoblair", body);
        assertThat(first.outcome()).isEqualTo(Outcome.PUBLISH);
        assertThat(again.outcome()).isEqualTo(Outcome.PUBLISH);
        assertThat(again.findings()).extracting(Finding::code).doesNotContain("spam.duplicate", "spam.flood");
    }
}
