package org.filmreviews.moderation.domain;

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

import org.filmreviews.events.Decision;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One version of a review under moderation: what was submitted and what was decided, and why. */
@Entity
@Table(name = "moderation_case")
public class ModerationCase {

    @Id
    public UUID id;

    @Column(name = "review_id")
    public UUID reviewId;

    public long version;

    @Column(name = "film_id")
    public UUID filmId;

    @Column(name = "author_id")
    public String authorId;

    @Column(name = "author_username")
    public String authorUsername;

    @Column(name = "author_display_name")
    public String authorDisplayName;

    public Integer rating;

    public String headline;

    public String body;

    @Column(name = "author_spoiler")
    public boolean authorSpoiler;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Enumerated(EnumType.STRING)
    public Decision outcome;

    @Column(name = "spam_score")
    public double spamScore;

    @Column(name = "spoiler_score")
    public double spoilerScore;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<CaseReason> reasons = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "spoiler_sentences")
    public List<CaseSpan> spoilerSentences = new ArrayList<>();

    @Column(name = "engine_version")
    public String engineVersion;

    /** {@code engine/<version>} or the moderator's user name. */
    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;
}
