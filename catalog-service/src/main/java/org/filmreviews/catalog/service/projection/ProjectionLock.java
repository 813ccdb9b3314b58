package org.filmreviews.catalog.service.projection;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * PostgreSQL advisory locks, held until the current transaction ends, that order the writers of the
 * page data across every instance of the service:
 * <ul>
 * <li>the page data lock: shared by every event applied live, exclusive for a rebuild, so that a
 * rebuild sees no live write in flight and none starts before it committed;</li>
 * <li>one lock per film: events of the same film arrive on three topics through three consumers, and
 * each reads, changes and writes the film's summary and a review's row; this makes them take turns.</li>
 * </ul>
 */
@ApplicationScoped
public class ProjectionLock {

    /** Namespaces of the two-key advisory locks ("pg" "pf" "pr" in ASCII): unlike any other lock user here. */
    private static final int PAGE_DATA = 0x7067;
    private static final int FILM = 0x7066;
    private static final int REBUILD = 0x7072;

    @Inject
    EntityManager entityManager;

    /** Takes the page data lock for a live write, unless a rebuild holds it: then false, at once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean trySharedPageData() {
        return bool("SELECT pg_try_advisory_xact_lock_shared(" + PAGE_DATA + ", 0)");
    }

    /** Waits until no live write is in flight, then keeps every other writer out until commit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void exclusivePageData() {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(" + PAGE_DATA + ", 0)").getSingleResult();
    }

    /** Only one rebuild at a time, on any instance: false when another one runs. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean tryRebuild() {
        return bool("SELECT pg_try_advisory_xact_lock(" + REBUILD + ", 0)");
    }

    /** Waits for the other writers of this film's page data. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void film(UUID filmId) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(" + FILM + ", hashtext(:film))")
                .setParameter("film", filmId.toString()).getSingleResult();
    }

    private boolean bool(String sql) {
        return Boolean.TRUE.equals(entityManager.createNativeQuery(sql).getSingleResult());
    }
}
