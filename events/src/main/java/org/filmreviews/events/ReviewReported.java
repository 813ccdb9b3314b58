package org.filmreviews.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A reader reported a review on its film page, or changed the reason or note of their report (one
 * report per reader and review). Carries the review's report totals after this report, so a consumer
 * needs no history; the latest event about a review carries its current totals.
 *
 * @param version the review version the reader saw on the page
 * @param reporter the reader, never the review's author
 * @param note optional, at most 500 characters
 * @param spoiler reports of the review as a spoiler, this one included
 */
public record ReviewReported(
        UUID reviewId,
        UUID filmId,
        long version,
        Author reporter,
        ReportReason reason,
        String note,
        Instant reportedAt,
        int spoiler,
        int spam,
        int abuse) {
}
