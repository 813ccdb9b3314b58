package org.filmreviews.catalog.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import org.filmreviews.catalog.domain.PageReview;
import org.filmreviews.catalog.service.page.ReviewCursor;
import org.filmreviews.catalog.service.page.ReviewSort;
import org.filmreviews.platform.persistence.CopyRows;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PageReviewRepository implements PanacheRepositoryBase<PageReview, UUID> {

    private static final List<String> COPIED_COLUMNS = List.of("review_id", "film_id", "version", "visible", "author",
            "author_username", "rating", "headline", "body", "excerpt", "spoiler", "spoiler_sentences", "submitted_at",
            "updated_at",
            "withdrawn_version", "helpful", "not_helpful", "vote_tally");

    /**
     * Writes new rows in one statement (a rebuild's bulk load, into a table emptied in the same transaction); the
     * sort keys are generated columns and fill themselves.
     */
    public long copyAll(Collection<PageReview> rows) {
        return CopyRows.into(getEntityManager(), "page_review", COPIED_COLUMNS, rows, (row, line) -> line.value(row.reviewId)
                .value(row.filmId).value(row.version).value(row.visible).text(row.author).text(row.authorUsername)
                .value(row.rating)
                .text(row.headline).text(row.body).text(row.excerpt).value(row.spoiler).text(row.spoilerSentences)
                .value(row.submittedAt).value(row.updatedAt).value(row.withdrawnVersion).value(row.helpful)
                .value(row.notHelpful)
                .value(row.voteTally));
    }

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
