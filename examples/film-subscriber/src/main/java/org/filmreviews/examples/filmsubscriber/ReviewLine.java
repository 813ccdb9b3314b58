package org.filmreviews.examples.filmsubscriber;

import org.filmreviews.events.PublishedReview;
import org.filmreviews.events.ReviewDecided;

/**
 * One readable line for a published review, for example
 * {@code 2026-05-02T09:14:03Z  9/10  "Still worth it"  by System Tester (@sys-1a2b)  [spoiler]  review 6f1c...-... v1}.
 * ASCII only apart from what the author wrote, so that it reads the same in any terminal's encoding.
 */
final class ReviewLine {

    /** Long enough to recognise a review that has no headline, short enough to keep the line on one screen row. */
    static final int EXCERPT_LENGTH = 60;

    private ReviewLine() {
    }

    static String of(ReviewDecided decided) {
        PublishedReview review = decided.review();
        StringBuilder line = new StringBuilder();
        line.append(decided.decidedAt()).append("  ");
        line.append(review.rating() == null ? "no rating" : review.rating() + "/10").append("  ");
        line.append('"').append(oneLine(title(review))).append('"');
        line.append("  by ").append(oneLine(review.author()));
        if (review.authorUsername() != null) { // optional in the schema
            line.append(" (@").append(review.authorUsername()).append(')');
        }
        if (review.spoiler()) {
            line.append("  [spoiler]");
        }
        line.append("  review ").append(decided.reviewId()).append(" v").append(decided.version());
        return line.toString();
    }

    /** The headline, or the start of the body when the author gave none (headlines are optional). */
    private static String title(PublishedReview review) {
        if (review.headline() != null && !review.headline().isBlank()) {
            return review.headline();
        }
        String body = review.body() == null ? "" : review.body().strip();
        return body.length() <= EXCERPT_LENGTH ? body : body.substring(0, EXCERPT_LENGTH).strip() + "...";
    }

    /** A reader's text may hold line breaks; one review must stay one line. */
    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ");
    }
}
