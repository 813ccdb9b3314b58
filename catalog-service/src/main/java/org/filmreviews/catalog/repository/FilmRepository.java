package org.filmreviews.catalog.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.filmreviews.catalog.domain.Film;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class FilmRepository implements PanacheRepositoryBase<Film, UUID> {

    /**
     * Films on show whose title or original title contains {@code searchable} (already lower case and
     * without accents), in title order, after the keyset position {@code (afterTitle, afterId)} when
     * given.
     */
    /**
     * The film, read after its row is locked until the transaction ends. The lock is taken first, on its
     * own: a locking read joined with the trailers would be locked after the film was read, and a change
     * committed in between would be read stale.
     */
    public Optional<Film> findForUpdate(UUID id) {
        List<?> locked = getEntityManager().createNativeQuery("SELECT 1 FROM film WHERE id = :id FOR UPDATE")
                .setParameter("id", id).getResultList();
        return locked.isEmpty() ? Optional.empty() : findByIdOptional(id);
    }

    public List<Film> search(String searchable, String afterTitle, UUID afterId, int limit) {
        String pattern = "%" + searchable.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        Parameters params = Parameters.with("pattern", pattern);
        String where = "retired = false and (titleSearch like :pattern or originalTitleSearch like :pattern)";
        if (afterTitle != null) {
            where += " and (titleSearch > :title or (titleSearch = :title and id > :id))";
            params.and("title", afterTitle).and("id", afterId);
        }
        return find(where + " order by titleSearch, id", params).page(0, limit).list();
    }
}
