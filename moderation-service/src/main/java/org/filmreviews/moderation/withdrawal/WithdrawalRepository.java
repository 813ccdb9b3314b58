package org.filmreviews.moderation.withdrawal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;

import org.filmreviews.platform.persistence.SqlInstants;

/**
 * Withdrawn reviews, also those not moderated yet: the withdrawal and submission topics are read
 * independently, so a withdrawal can arrive before the submission it ends.
 */
@ApplicationScoped
public class WithdrawalRepository {

    @Inject
    EntityManager entityManager;

    /** Records a withdrawal; the newest version withdrawn is kept. */
    public void record(UUID reviewId, long version, Instant at) {
        entityManager.createNativeQuery(
                "INSERT INTO review_withdrawal (review_id, version, withdrawn_at) VALUES (:id, :version, :at)"
                        + " ON CONFLICT (review_id) DO UPDATE SET version = greatest(review_withdrawal.version, excluded.version)")
                .setParameter("id", reviewId).setParameter("version", version).setParameter("at", at).executeUpdate();
    }

    /** When the review was withdrawn, if it was. */
    public Optional<Instant> withdrawnAt(UUID reviewId) {
        @SuppressWarnings("unchecked")
        List<Object> found = entityManager.createNativeQuery("SELECT withdrawn_at FROM review_withdrawal WHERE review_id = :id")
                // written by native statements only: no pending entity change can be in it, so no flush first
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter("id", reviewId).getResultList();
        return found.stream().findFirst().map(SqlInstants::of);
    }

}
