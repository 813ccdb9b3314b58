package org.filmreviews.review.repository;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.filmreviews.events.ReportReason;
import org.filmreviews.review.domain.ReviewReport;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ReviewReportRepository implements PanacheRepositoryBase<ReviewReport, ReviewReport.Key> {

    /** The review's reports per reason (reasons nobody gave are missing); includes what this transaction wrote. */
    public Map<ReportReason, Integer> totals(UUID reviewId) {
        List<Object[]> rows = getEntityManager().createQuery(
                "select r.reason, count(r) from ReviewReport r where r.reviewId = :review group by r.reason", Object[].class)
                .setParameter("review", reviewId).getResultList();
        Map<ReportReason, Integer> totals = new EnumMap<>(ReportReason.class);
        for (Object[] row : rows) {
            totals.put((ReportReason) row[0], ((Number) row[1]).intValue());
        }
        return totals;
    }
}
