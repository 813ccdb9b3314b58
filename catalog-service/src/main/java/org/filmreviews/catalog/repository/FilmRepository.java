package org.filmreviews.catalog.repository;

import java.util.List;
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
