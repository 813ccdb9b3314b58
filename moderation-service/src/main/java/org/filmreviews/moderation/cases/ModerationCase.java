package org.filmreviews.moderation.cases;

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

import org.filmreviews.events.Decision;
import org.filmreviews.moderation.withdrawal.Erasure;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One version of a review under moderation: what was submitted, what the engine decided, and what
 * moderators did with it. A case is {@link #open} while it waits in the queue for a human.
 */
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

    /** What the engine decided; {@link #outcome} is what holds now. */
    @Enumerated(EnumType.STRING)
    @Column(name = "machine_outcome")
    public Decision machineOutcome;

    public boolean open;

    @Column(name = "queued_at")
    public Instant queuedAt;

    public boolean appeal;

    @Column(name = "appeal_message")
    public String appealMessage;

    @Column(name = "appealed_at")
    public Instant appealedAt;

    /** Back in the queue, or marked in it, because readers reported the review; a moderator's decision clears it. */
    public boolean reported;

    @Column(name = "reported_at")
    public Instant reportedAt;

    @Column(name = "claimed_by")
    public String claimedBy;

    @Column(name = "claimed_until")
    public Instant claimedUntil;

    /** The moderator's reason, a code of {@link PolicyReason}. */
    @Column(name = "reason_code")
    public String reasonCode;

    /** The moderator's own words. */
    public String note;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "chosen_spoiler_sentences")
    public List<CaseSpan> chosenSpoilerSentences;

    /** While a published version is taken down: the decision a restore brings back. */
    @Enumerated(EnumType.STRING)
    @Column(name = "taken_down_from")
    public Decision takenDownFrom;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    /**
     * Bumped on every write: a write based on a stale read fails instead of overwriting what another
     * transaction committed (writers also lock the case rows, so this is the net, not the mechanism).
     */
    @Version
    @Column(name = "row_version")
    public long rowVersion;

    public boolean decidedByEngine() {
        return decidedBy != null && decidedBy.startsWith("engine/");
    }

    /** Someone other than {@code moderator} holds a claim that has not run out. */
    public boolean claimedByOtherThan(String moderator, Instant now) {
        return claimedBy != null && !claimedBy.equals(moderator) && claimedUntil != null && claimedUntil.isAfter(now);
    }

    /** The spans hidden behind "show spoiler" when this version is published. */
    public List<CaseSpan> publishedSpoilerSentences() {
        return chosenSpoilerSentences != null ? chosenSpoilerSentences : spoilerSentences;
    }

    /**
     * Erasure after the author withdrew the review: the words go (headline, body, the author's appeal and the
     * spans that pointed into the body); what was decided, by whom and why stays for the audit trail.
     */
    public void eraseText() {
        headline = null;
        body = "";
        appealMessage = null;
        spoilerSentences = new ArrayList<>();
        chosenSpoilerSentences = null;
    }

    public void enqueue(Instant at) {
        open = true;
        queuedAt = at;
        claimedBy = null;
        claimedUntil = null;
    }

    public void close() {
        open = false;
        claimedBy = null;
        claimedUntil = null;
    }
}
