package org.filmreviews.catalog.service.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.UUID;

import org.filmreviews.catalog.domain.PageReview;
import org.filmreviews.platform.domain.InvalidInput;
import org.filmreviews.platform.paging.CursorCodec;
import org.filmreviews.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** Cursors of a film's reviews: read back exactly as handed out, and never as a place in another order. */
class ReviewCursorTest {

    private static final Instant SUBMITTED = Instant.parse("2026-03-01T12:00:00.123456Z");

    @Test
    void aCursorIsReadBackAsItWasHandedOutInEverySort() {
        PageReview last = ReviewSortTest.review(7, 3, 1);
        last.reviewId = UUID.randomUUID();
        last.submittedAt = SUBMITTED;

        for (ReviewSort sort : ReviewSort.values()) {
            ReviewCursor cursor = ReviewCursor.after(sort, last);

            assertThat(ReviewCursor.decode(cursor.encode(), sort)).isEqualTo(cursor);
        }
    }

    @Test
    void aCursorOfAnotherSortIsRefusedNamingBoth() {
        String helpful = new ReviewCursor(ReviewSort.HELPFUL, 4, SUBMITTED, UUID.randomUUID()).encode();

        InvalidInput refused = catchThrowableOfType(InvalidInput.class, () -> ReviewCursor.decode(helpful, ReviewSort.NEWEST));

        assertThat(refused.field()).contains("cursor");
        assertThat(refused.detail()).isEqualTo("cursor: belongs to sort=helpful, not sort=newest");
    }

    @Test
    void theWalkingSkeletonsNewestFirstCursorsStillWork() {
        UUID id = UUID.randomUUID();
        String old = CursorCodec.encode(SUBMITTED.getEpochSecond(), SUBMITTED.getNano(), id);

        assertThat(ReviewCursor.decode(old, ReviewSort.NEWEST))
                .isEqualTo(new ReviewCursor(ReviewSort.NEWEST, null, SUBMITTED, id));
    }

    @Test
    void aRankWhereTheSortHasNoneOrNoneWhereItNeedsOneIsForged() {
        UUID id = UUID.randomUUID();
        String rankedNewest = CursorCodec.encode("newest", 3, SUBMITTED.getEpochSecond(), SUBMITTED.getNano(), id);
        String unrankedHighest = CursorCodec.encode("highest", "", SUBMITTED.getEpochSecond(), SUBMITTED.getNano(), id);

        assertThat(forgedProblem(() -> ReviewCursor.decode(rankedNewest, ReviewSort.NEWEST)).status()).isEqualTo(400);
        assertThat(forgedProblem(() -> ReviewCursor.decode(unrankedHighest, ReviewSort.HIGHEST)).status()).isEqualTo(400);
    }

    @Test
    void aCursorNamingNoKnownSortIsForged() {
        String unknown = CursorCodec.encode("best", 3, SUBMITTED.getEpochSecond(), SUBMITTED.getNano(), UUID.randomUUID());

        ProblemException refused = forgedProblem(() -> ReviewCursor.decode(unknown, ReviewSort.HELPFUL));

        assertThat(refused.getMessage()).isEqualTo(CursorCodec.forged().getMessage());
    }

    private static ProblemException forgedProblem(Runnable decode) {
        return catchThrowableOfType(ProblemException.class, decode::run);
    }
}
