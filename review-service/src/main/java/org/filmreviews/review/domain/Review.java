package org.filmreviews.review.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A film review and the moderation status of its current version. */
@Entity
@Table(name = "review")
public class Review {

    @Id
    public UUID id;

    @Column(name = "film_id")
    public UUID filmId;

    @Column(name = "author_id")
    public UUID authorId;

    /** 1 when written, +1 on every edit; a decision applies only to the version it was made for. */
    public long version;

    public Integer rating;

    public String headline;

    public String body;

    /** The author's own spoiler flag. */
    public boolean spoiler;

    @Enumerated(EnumType.STRING)
    public ReviewStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<ModerationReason> reasons = new ArrayList<>();

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "helpful_votes")
    public int helpfulVotes;

    @Column(name = "not_helpful_votes")
    public int notHelpfulVotes;

    /** Grows with every change of the vote totals. */
    @Column(name = "vote_tally")
    public long voteTally;

    /** Set when the author appealed a rejection; an author appeals once. */
    @Column(name = "appealed_at")
    public Instant appealedAt;

    @Column(name = "appeal_message")
    public String appealMessage;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    /**
     * Whether a version of this review is on the film page. It stays there while an edit is being
     * moderated, and can be voted on meanwhile, as the catalog shows it.
     */
    @Column(name = "on_page")
    public boolean onPage;

    /** The highest version decided so far: a decision on an older version no longer changes the page. */
    @Column(name = "page_version")
    public long pageVersion;

    /**
     * The version readers see while {@link #onPage}: the newest published one, which stays while an edit
     * is moderated. Reports name it.
     */
    @Column(name = "shown_version")
    public long shownVersion;

    /**
     * Bumped on every write: a write based on a stale read fails instead of overwriting what another
     * transaction committed (writers also lock the row, so this is the net, not the mechanism).
     */
    @Version
    @Column(name = "row_version")
    public long rowVersion;

    public boolean isWithdrawn() {
        return status == ReviewStatus.WITHDRAWN;
    }
}
