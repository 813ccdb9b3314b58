package org.filmreviews.moderation.learning;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class EngineModelRepository implements PanacheRepositoryBase<EngineModel, Long> {

    public Optional<EngineModel> latest() {
        return find("order by id desc").firstResultOptional();
    }

    /** Older snapshots are only history; a few are kept to go back to after a bad batch of lessons. */
    public long pruneKeeping(int newest) {
        java.util.List<Long> oldestKept = getEntityManager()
                .createQuery("select m.id from EngineModel m order by m.id desc", Long.class)
                .setFirstResult(newest - 1).setMaxResults(1).getResultList();
        return oldestKept.isEmpty() ? 0 : delete("id < ?1", oldestKept.get(0));
    }
}
