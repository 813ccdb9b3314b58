package org.filmreviews.review.service.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.filmreviews.platform.domain.InvalidInput;
import org.junit.jupiter.api.Test;

/** The rules of a review's text and rating, without a database: what {@link ReviewService} keeps or refuses. */
class ReviewDraftTest {

    @Test
    void aDraftIsKeptWithItsTextsCleaned() {
        ReviewDraft kept = new ReviewDraft(8, "  Time loop\u202E ", " Funny\r\nand sad. ", true).validated();

        assertThat(kept).isEqualTo(new ReviewDraft(8, "Time loop", "Funny\nand sad.", true));
    }

    @Test
    void aHeadlineWithNothingLeftAfterCleaningIsNone() {
        assertThat(new ReviewDraft(null, " \u2066\uFEFF ", "Body", false).validated().headline()).isNull();
    }

    @Test
    void aBlankBodyIsRefusedNamingTheBody() {
        InvalidInput refused = catchThrowableOfType(InvalidInput.class,
                () -> new ReviewDraft(5, null, " \t\n ", false).validated());

        assertThat(refused.field()).contains("body");
        assertThat(refused.detail()).isEqualTo("body: must not be blank");
    }

    @Test
    void aBodyMayBeTenThousandCharactersAndNoMore() {
        assertThat(new ReviewDraft(5, null, "x".repeat(ReviewDraft.MAX_BODY), false).validated().body()).hasSize(10_000);

        InvalidInput refused = catchThrowableOfType(InvalidInput.class,
                () -> new ReviewDraft(5, null, "x".repeat(ReviewDraft.MAX_BODY + 1), false).validated());
        assertThat(refused.detail()).isEqualTo("body: must be at most 10000 characters");
    }

    @Test
    void lengthsCountWhatIsLeftAfterCleaning() {
        String padded = "  " + "x".repeat(ReviewDraft.MAX_HEADLINE) + "\u202A  ";

        assertThat(new ReviewDraft(5, padded, "Body", false).validated().headline()).hasSize(ReviewDraft.MAX_HEADLINE);
    }

    @Test
    void aHeadlineOverTwoHundredCharactersIsRefused() {
        InvalidInput refused = catchThrowableOfType(InvalidInput.class,
                () -> new ReviewDraft(5, "x".repeat(201), "Body", false).validated());

        assertThat(refused.field()).contains("headline");
        assertThat(refused.rule()).contains("must be at most 200 characters");
    }

    @Test
    void aRatingIsOneToTenOrNone() {
        assertThat(new ReviewDraft(null, null, "Body", false).validated().rating()).isNull();
        assertThat(new ReviewDraft(1, null, "Body", false).validated().rating()).isEqualTo(1);
        assertThat(new ReviewDraft(10, null, "Body", false).validated().rating()).isEqualTo(10);

        for (int outside : new int[]{0, 11, -3}) {
            InvalidInput refused = catchThrowableOfType(InvalidInput.class,
                    () -> new ReviewDraft(outside, null, "Body", false).validated());
            assertThat(refused.detail()).isEqualTo("rating: must be between 1 and 10");
        }
    }

    @Test
    void theBodyIsCheckedBeforeTheHeadlineAndTheRating() {
        InvalidInput refused = catchThrowableOfType(InvalidInput.class,
                () -> new ReviewDraft(42, "x".repeat(500), "", false).validated());

        assertThat(refused.field()).contains("body");
    }
}
