package org.filmreviews.review.service.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.filmreviews.platform.domain.RateLimited;
import org.filmreviews.platform.persistence.SqlInstants;

/**
 * What accounts did lately, for the {@link RateLimit}s: counted in the database so that every instance
 * of the service agrees. Callers hold a lock on the account's row, so two parallel requests cannot both
 * take the last place.
 */
@ApplicationScoped
public class AccountActivity {

    @Inject
    EntityManager entityManager;

    /** Records one more {@code limit.activity()} of the account, or refuses ({@link RateLimited}, with when to try again) when it has no place left. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void take(RateLimit limit, UUID accountId) {
        Instant now = Instant.now();
        Object[] used = (Object[]) entityManager.createNativeQuery("SELECT count(*), min(at) FROM account_activity"
                + " WHERE account_id = :account AND activity = :activity AND at > :since")
                .setParameter("account", accountId).setParameter("activity", limit.activity())
                .setParameter("since", now.minus(limit.window())).getSingleResult();
        long count = ((Number) used[0]).longValue();
        if (count >= limit.max()) {
            Instant oldest = SqlInstants.of(used[1]);
            long retryAfter = Math.max(1, Duration.between(now, oldest.plus(limit.window())).toSeconds() + 1);
            throw new RateLimited(Duration.ofSeconds(retryAfter), "You can " + limit.doing() + " at most " + limit.max()
                    + " reviews in " + limit.window().toMinutes() + " minutes; try again in " + retryAfter + " seconds.");
        }
        entityManager
                .createNativeQuery("INSERT INTO account_activity (account_id, activity, at) VALUES (:account, :activity, :at)")
                .setParameter("account", accountId).setParameter("activity", limit.activity()).setParameter("at", now)
                .executeUpdate();
    }

    /** Deletes what no longer counts for the limit. */
    @Transactional
    public void forget(RateLimit limit) {
        entityManager.createNativeQuery("DELETE FROM account_activity WHERE activity = :activity AND at < :before")
                .setParameter("activity", limit.activity()).setParameter("before", Instant.now().minus(limit.window()))
                .executeUpdate();
    }
}
