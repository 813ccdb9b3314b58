package org.filmreviews.review.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One person's helpful / not helpful vote on a review; they may change it. */
@Entity
@Table(name = "review_vote")
@IdClass(ReviewVote.Key.class)
public class ReviewVote {

    @Id
    @Column(name = "review_id")
    public UUID reviewId;

    @Id
    @Column(name = "voter_id")
    public UUID voterId;

    public boolean helpful;

    @Column(name = "voted_at")
    public Instant votedAt;

    public static class Key implements Serializable {
        public UUID reviewId;
        public UUID voterId;

        public Key() {
        }

        public Key(UUID reviewId, UUID voterId) {
            this.reviewId = reviewId;
            this.voterId = voterId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Objects.equals(reviewId, other.reviewId) && Objects.equals(voterId, other.voterId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(reviewId, voterId);
        }
    }
}
