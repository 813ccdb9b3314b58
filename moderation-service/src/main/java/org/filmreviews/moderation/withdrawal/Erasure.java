package org.filmreviews.moderation.withdrawal;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.filmreviews.moderation.cases.ModerationCase;
import org.filmreviews.moderation.engine.ModerationEngine;
import org.filmreviews.moderation.film.FilmSecretRepository;
import org.filmreviews.moderation.learning.EngineLessonRepository;
import org.filmreviews.moderation.learning.SharedEngine;

/**
 * What moderation keeps of a review its author withdrew: the decisions and the audit trail, not the words. The
 * cases lose their text, the engine forgets the review (so it is neither a copy to match nor in the memory
 * relearned after a restart), the film secrets marked in it and the lessons not yet taught from it are deleted.
 * The engine's learned word statistics are counts over many reviews and are kept.
 */
@ApplicationScoped
public class Erasure {

    @Inject
    SharedEngine engines;

    @Inject
    FilmSecretRepository secrets;

    @Inject
    EngineLessonRepository lessons;

    /** Erases every version of the review; erasing twice is erasing once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(UUID reviewId, List<ModerationCase> versions) {
        // Forgetting before the commit is harmless: a rollback leaves a review the engine does not match copies with.
        engines.current().forget(reviewId.toString());
        versions.forEach(ModerationCase::eraseText);
        secrets.forgetReview(reviewId);
        List<UUID> caseIds = versions.stream().map(c -> c.id).filter(java.util.Objects::nonNull).toList();
        if (!caseIds.isEmpty()) {
            lessons.delete("caseId in ?1", caseIds);
        }
    }
}
