package org.filmreviews.moderation.report;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.filmreviews.events.ReportReason;

/** A reader's report of a review; the reader's later report replaces it. */
@Entity
@Table(name = "case_report")
@IdClass(CaseReport.Key.class)
public class CaseReport {

    @Id
    @Column(name = "review_id")
    public UUID reviewId;

    @Id
    @Column(name = "reporter_id")
    public String reporterId;

    @Column(name = "reporter_username")
    public String reporterUsername;

    /** The version the reader saw on the page. */
    public long version;

    @Enumerated(EnumType.STRING)
    public ReportReason reason;

    public String note;

    @Column(name = "reported_at")
    public Instant reportedAt;

    /** When a moderator's verdict on the review answered it; null while it waits. */
    @Column(name = "settled_at")
    public Instant settledAt;

    public static class Key implements Serializable {
        public UUID reviewId;
        public String reporterId;

        public Key() {
        }

        public Key(UUID reviewId, String reporterId) {
            this.reviewId = reviewId;
            this.reporterId = reporterId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Objects.equals(reviewId, other.reviewId)
                    && Objects.equals(reporterId, other.reporterId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(reviewId, reporterId);
        }
    }
}
