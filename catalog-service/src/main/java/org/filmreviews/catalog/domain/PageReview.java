package org.filmreviews.catalog.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A review as it appears on its film's page. The row stays when the review leaves the page
 * ({@code visible = false}) so that its version still turns away stale events.
 */
@Entity
@Table(name = "page_review")
public class PageReview {

    /** Longest excerpt shown before "View More", in characters. */
    public static final int EXCERPT_LENGTH = 300;

    @Id
    @Column(name = "review_id")
    public UUID reviewId;

    @Column(name = "film_id")
    public UUID filmId;

    public long version;

    public boolean visible;

    public String author;

    @Column(name = "author_username")
    public String authorUsername;

    public Integer rating;

    public String headline;

    public String body;

    public String excerpt;

    public boolean spoiler;

    /** Spoiler sentence spans of the body as {@code start-end,start-end}. */
    @Column(name = "spoiler_sentences")
    public String spoilerSentences;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The version the author withdrew, if they did: decisions up to it never bring the review back. */
    @Column(name = "withdrawn_version")
    public Long withdrawnVersion;

    public int helpful;

    @Column(name = "not_helpful")
    public int notHelpful;

    /** The highest vote tally applied; totals with a lower one are older news. */
    @Column(name = "vote_tally")
    public long voteTally;

    public static PageReview placeholder(UUID reviewId, UUID filmId) {
        PageReview row = new PageReview();
        row.reviewId = reviewId;
        row.filmId = filmId;
        return row;
    }

    /** Whether a decision on {@code decidedVersion} may change this row: not older, and not withdrawn since. */
    public boolean acceptsDecisionOn(long decidedVersion) {
        return decidedVersion >= version && (withdrawnVersion == null || decidedVersion > withdrawnVersion);
    }

    public boolean isTruncated() {
        return excerpt != null && !excerpt.equals(body);
    }

    /** The start of a body, cut at a word boundary, with an ellipsis when something was cut. */
    public static String excerptOf(String body) {
        if (body.length() <= EXCERPT_LENGTH) {
            return body;
        }
        int cut = body.lastIndexOf(' ', EXCERPT_LENGTH);
        if (cut < EXCERPT_LENGTH / 2) {
            cut = EXCERPT_LENGTH; // one very long word: cut inside it rather than show almost nothing
        }
        return body.substring(0, cut).stripTrailing() + "…";
    }
}
