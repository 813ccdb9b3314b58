package org.filmreviews.review.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.filmreviews.platform.persistence.SqlInstants;
import org.filmreviews.platform.problem.Problem;
import org.filmreviews.platform.problem.ProblemException;

import io.quarkus.scheduler.Scheduled;

/**
 * At most {@code filmreviews.reviews.rate-limit.max} new reviews and edits per author in any
 * {@code window}, counted in the database so that every instance of the service agrees. Callers hold
 * a lock on the author's account row, so two parallel requests cannot both take the last place.
 */
@ApplicationScoped
public class SubmissionRateLimit {

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "filmreviews.reviews.rate-limit.max", defaultValue = "10")
    int max;

    @ConfigProperty(name = "filmreviews.reviews.rate-limit.window", defaultValue = "10m")
    Duration window;

    @Transactional(Transactional.TxType.MANDATORY)
    public void take(UUID authorId) {
        Instant now = Instant.now();
        Object[] used = (Object[]) entityManager.createNativeQuery(
                "SELECT count(*), min(at) FROM author_activity WHERE author_id = :author AND at > :since")
                .setParameter("author", authorId).setParameter("since", now.minus(window)).getSingleResult();
        long count = ((Number) used[0]).longValue();
        if (count >= max) {
            Instant oldest = SqlInstants.of(used[1]);
            long retryAfter = Math.max(1, Duration.between(now, oldest.plus(window)).toSeconds() + 1);
            throw new ProblemException(429, Problem.TYPE_BASE + "rate-limited", "Too Many Requests",
                    "You can post or edit at most " + max + " reviews in " + window.toMinutes() + " minutes; try again in "
                            + retryAfter + " seconds.", null, Map.of("Retry-After", Long.toString(retryAfter)));
        }
        entityManager.createNativeQuery("INSERT INTO author_activity (author_id, at) VALUES (:author, :at)")
                .setParameter("author", authorId).setParameter("at", now).executeUpdate();
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            // A run that starts while the application stops would only fail on a closed EntityManagerFactory.
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void forgetOldActivity() {
        entityManager.createNativeQuery("DELETE FROM author_activity WHERE at < :before")
                .setParameter("before", Instant.now().minus(window)).executeUpdate();
    }

}
