package org.filmreviews.catalog.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.filmreviews.catalog.domain.PageReview;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class PageReviewRepository implements PanacheRepositoryBase<PageReview, UUID> {

    /**
     * Visible reviews of a film, newest first, starting after a keyset position (or from the top when
     * {@code afterSubmittedAt} is null). Served by the partial index page_review_newest: no OFFSET.
     */
    public List<PageReview> newest(UUID filmId, Instant afterSubmittedAt, UUID afterReviewId, int limit) {
        if (afterSubmittedAt == null) {
            return find("filmId = :film and visible = true order by submittedAt desc, reviewId desc",
                    Parameters.with("film", filmId)).page(0, limit).list();
        }
        return find("filmId = :film and visible = true and (submittedAt < :at or (submittedAt = :at and reviewId < :id))"
                + " order by submittedAt desc, reviewId desc",
                Parameters.with("film", filmId).and("at", afterSubmittedAt).and("id", afterReviewId))
                .page(0, limit).list();
    }
}
