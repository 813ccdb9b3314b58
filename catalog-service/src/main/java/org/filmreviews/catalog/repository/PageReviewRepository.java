package org.filmreviews.catalog.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import org.filmreviews.catalog.domain.PageReview;
import org.filmreviews.catalog.service.ReviewCursor;
import org.filmreviews.catalog.service.ReviewSort;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PageReviewRepository implements PanacheRepositoryBase<PageReview, UUID> {

    /**
     * One page of a film's visible reviews in the given order, starting after {@code after} (or at the
     * top when it is null). SQL rather than HQL so that the row comparison stays exactly what the
     * partial indexes page_review_newest/_highest/_lowest/_helpful serve: the page starts with an index
     * seek, whatever its depth, and no OFFSET or sort step is ever needed.
     */
    @SuppressWarnings("unchecked")
    public List<PageReview> page(UUID filmId, ReviewSort sort, ReviewCursor after, int limit) {
        String rank = sort.rankColumn();
        Query query = getEntityManager().createNativeQuery(pageSql(sort, after != null), PageReview.class)
                .setParameter("film", filmId)
                .setParameter("limit", limit);
        if (after != null) {
            query.setParameter("at", after.submittedAt()).setParameter("id", after.reviewId());
            if (rank != null) {
                query.setParameter("rank", after.rank());
            }
        }
        return query.getResultList();
    }

    /** The query of {@link #page}, with parameters :film, :limit and, after a cursor, :rank, :at, :id. */
    public static String pageSql(ReviewSort sort, boolean afterCursor) {
        String rank = sort.rankColumn();
        StringBuilder sql = new StringBuilder("SELECT * FROM page_review WHERE film_id = :film AND visible");
        if (afterCursor) {
            sql.append(rank == null
                    ? " AND (submitted_at, review_id) < (:at, :id)"
                    : " AND (" + rank + ", submitted_at, review_id) < (:rank, :at, :id)");
        }
        return sql.append(" ORDER BY ").append(rank == null ? "" : rank + " DESC, ")
                .append("submitted_at DESC, review_id DESC LIMIT :limit").toString();
    }
}
