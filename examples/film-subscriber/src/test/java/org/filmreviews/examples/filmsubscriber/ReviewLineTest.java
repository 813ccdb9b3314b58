package org.filmreviews.examples.filmsubscriber;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.filmreviews.events.Decision;
import org.filmreviews.events.EventCodec;
import org.filmreviews.events.PublishedReview;
import org.filmreviews.events.ReviewDecided;
import org.filmreviews.events.Scores;
import org.junit.jupiter.api.Test;

class ReviewLineTest {

    private static final UUID REVIEW = UUID.fromString("6f1c0000-0000-4000-8000-000000000001");
    private static final Instant AT = Instant.parse("2026-05-02T09:14:03Z");

    private static ReviewDecided decided(Decision decision, PublishedReview review) {
        // Through the codec, as the subscriber gets it: the line is made from what the contract allows.
        ReviewDecided event = new ReviewDecided(REVIEW, UUID.randomUUID(), 2, decision, new Scores(0.01, 0.2), List.of(),
                review, "engine/7", AT);
        return EventCodec.decode(ReviewDecided.class, EventCodec.encode(event));
    }

    @Test
    void aRatedReviewWithAHeadline() {
        String line = ReviewLine.of(decided(Decision.PUBLISH, new PublishedReview("System Tester", "sys-1", 9,
                "Still worth it", "I saw it at a small festival.", false, List.of(), AT)));
        assertThat(line).isEqualTo(
                "2026-05-02T09:14:03Z  9/10  \"Still worth it\"  by System Tester (@sys-1)  review " + REVIEW + " v2");
    }

    @Test
    void aSpoilerWithoutRatingHeadlineOrUsernameShowsTheStartOfItsBodyOnOneLine() {
        String body = "In the end the grandmother dies\nand the house is sold, which the whole film has been building to.";
        String line = ReviewLine.of(decided(Decision.PUBLISH_SPOILER,
                new PublishedReview("Lena", null, null, null, body, true, List.of(), AT)));
        assertThat(line).doesNotContain("\n").contains("no rating").contains("[spoiler]").doesNotContain("(@");
        assertThat(line).contains("\"In the end the grandmother dies and the house is sold, which...\"");
    }
}
