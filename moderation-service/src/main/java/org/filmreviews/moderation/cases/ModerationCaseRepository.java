package org.filmreviews.moderation.cases;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ModerationCaseRepository implements PanacheRepositoryBase<ModerationCase, UUID> {

    public Optional<ModerationCase> findLatest(UUID reviewId) {
        return find("reviewId = ?1 order by version desc", reviewId).firstResultOptional();
    }

    /**
     * The latest version of a review, locked until the transaction ends: two moderators acting on the
     * same case at once are served one after the other, and the second sees what the first did.
     */
    public Optional<ModerationCase> findLatestForUpdate(UUID reviewId) {
        return find("reviewId = ?1 order by version desc", reviewId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /**
     * Every version of a review, oldest first, locked until the transaction ends: whoever changes
     * several cases of a review (superseding, withdrawing) waits for a moderator acting on one of them,
     * and then sees what the moderator did.
     */
    public List<ModerationCase> lockAll(UUID reviewId) {
        return find("reviewId = ?1 order by version", reviewId).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /**
     * The newest cases the engine relearns after a restart, oldest first; withdrawn reviews are erased and left out.
     */
    public List<ModerationCase> rememberedAfterRestart(int limit) {
        List<ModerationCase> oldestFirst = new java.util.ArrayList<>(
                find("withdrawnAt is null order by submittedAt desc").page(0, limit).list());
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }
}
