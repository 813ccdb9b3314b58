package org.filmreviews.catalog.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.filmreviews.catalog.domain.Film;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class FilmRepository implements PanacheRepositoryBase<Film, UUID> {

    /** Films whose title contains the words searched for, ignoring case and accents; by title. */
    public List<Film> search(String searchable, int offset, int limit) {
        String pattern = "%" + searchable.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return find("titleSearch like ?1 and retired = false order by titleSearch, id", pattern)
                .range(offset, offset + limit - 1).list();
    }
}
