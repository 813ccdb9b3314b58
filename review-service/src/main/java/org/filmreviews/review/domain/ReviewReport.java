package org.filmreviews.review.domain;

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

/** One reader's report of a review; reporting again changes it. */
@Entity
@Table(name = "review_report")
@IdClass(ReviewReport.Key.class)
public class ReviewReport {

    @Id
    @Column(name = "review_id")
    public UUID reviewId;

    @Id
    @Column(name = "reporter_id")
    public UUID reporterId;

    @Enumerated(EnumType.STRING)
    public ReportReason reason;

    public String note;

    @Column(name = "reported_at")
    public Instant reportedAt;

    public static class Key implements Serializable {
        public UUID reviewId;
        public UUID reporterId;

        public Key() {
        }

        public Key(UUID reviewId, UUID reporterId) {
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
