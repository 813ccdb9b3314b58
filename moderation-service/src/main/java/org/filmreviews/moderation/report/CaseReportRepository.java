package org.filmreviews.moderation.report;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CaseReportRepository implements PanacheRepositoryBase<CaseReport, CaseReport.Key> {

    /** Every report of these reviews, newest first. */
    public List<CaseReport> ofReviews(Collection<UUID> reviewIds) {
        return list("reviewId in ?1 order by reportedAt desc, reporterId", reviewIds);
    }

    /** A moderator's verdict answers the review's waiting reports. */
    public void settle(UUID reviewId, Instant at) {
        update("settledAt = ?1 where reviewId = ?2 and settledAt is null", at, reviewId);
    }
}
