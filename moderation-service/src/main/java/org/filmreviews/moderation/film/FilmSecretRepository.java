package org.filmreviews.moderation.film;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;

import org.filmreviews.moderation.withdrawal.Erasure;

/** The sentences moderators marked as spoilers, per film (see the engine's FilmSecrets). */
@ApplicationScoped
public class FilmSecretRepository {

    /** The newest marks a film's reviews are compared with; older ones have been repeated by then, or were rare. */
    private static final int KEPT_PER_FILM = 200;

    @Inject
    EntityManager entityManager;

    /** Keeps one marked sentence; marking the same sentence of the same version twice keeps it once. */
    public void mark(UUID filmId, UUID reviewId, long version, String sentence, String markedBy, Instant at) {
        entityManager.createNativeQuery("INSERT INTO film_secret (film_id, review_id, version, sentence, marked_by, marked_at)"
                + " VALUES (:film, :review, :version, :sentence, :by, :at) ON CONFLICT DO NOTHING")
                .setParameter("film", filmId).setParameter("review", reviewId).setParameter("version", version)
                .setParameter("sentence", sentence).setParameter("by", markedBy).setParameter("at", at).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<String> of(UUID filmId) {
        return entityManager
                .createNativeQuery("SELECT sentence FROM film_secret WHERE film_id = :film ORDER BY marked_at DESC LIMIT "
                        + KEPT_PER_FILM)
                .setParameter("film", filmId)
                // written by native statements only: no pending entity change can be in it, so no flush first
                .setFlushMode(FlushModeType.COMMIT).getResultList();
    }

    /** Erasure: the marks taken from one review's words go with them. */
    public int forgetReview(UUID reviewId) {
        return entityManager.createNativeQuery("DELETE FROM film_secret WHERE review_id = :review")
                .setParameter("review", reviewId).executeUpdate();
    }
}
