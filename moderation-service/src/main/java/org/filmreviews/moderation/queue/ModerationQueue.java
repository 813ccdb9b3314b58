package org.filmreviews.moderation.queue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.filmreviews.events.Decision;
import org.filmreviews.moderation.cases.ModerationCase;
import org.filmreviews.moderation.cases.ModerationCaseRepository;
import org.filmreviews.moderation.film.FilmProfileRepository;
import org.filmreviews.moderation.report.CaseReport;
import org.filmreviews.moderation.report.CaseReportRepository;

/** The cases waiting for a moderator, oldest first, with what a moderator needs to judge each. */
@ApplicationScoped
public class ModerationQueue {

    @Inject
    EntityManager entityManager;

    @Inject
    ModerationCaseRepository cases;

    @Inject
    FilmProfileRepository films;

    @Inject
    CaseReportRepository reports;

    @Transactional
    public QueueSlice page(QueueFilter filter, QueueCursor after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM moderation_case WHERE open");
        Map<String, Object> parameters = new HashMap<>();
        if (filter.filmId() != null) {
            sql.append(" AND film_id = :film");
            parameters.put("film", filter.filmId());
        }
        if (filter.reason() != null) {
            sql.append(" AND reasons @> jsonb_build_array(jsonb_build_object('code', CAST(:reason AS text)))");
            parameters.put("reason", filter.reason());
        }
        if (filter.minSpam() != null) {
            sql.append(" AND spam_score >= :minSpam");
            parameters.put("minSpam", filter.minSpam());
        }
        if (filter.minSpoiler() != null) {
            sql.append(" AND spoiler_score >= :minSpoiler");
            parameters.put("minSpoiler", filter.minSpoiler());
        }
        if (filter.appeal() != null) {
            sql.append(" AND appeal = :appeal");
            parameters.put("appeal", filter.appeal());
        }
        if (filter.reported() != null) {
            sql.append(" AND reported = :reported");
            parameters.put("reported", filter.reported());
        }
        if (after != null) {
            sql.append(" AND (queued_at, id) > (:afterAt, :afterId)");
            parameters.put("afterAt", after.queuedAt());
            parameters.put("afterId", after.caseId());
        }
        sql.append(" ORDER BY queued_at, id LIMIT :limit");
        parameters.put("limit", limit + 1);
        Query query = entityManager.createNativeQuery(sql.toString(), ModerationCase.class);
        parameters.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<ModerationCase> found = query.getResultList();

        List<ModerationCase> page = found.size() > limit ? found.subList(0, limit) : found;
        ModerationCase last = page.isEmpty() ? null : page.get(page.size() - 1);
        QueueCursor next = found.size() > limit ? new QueueCursor(last.queuedAt, last.id) : null;
        return new QueueSlice(filesOf(page), next);
    }

    /** The latest version of a review, with film title and author history. */
    @Transactional
    public Optional<CaseFile> file(UUID reviewId) {
        return cases.findLatest(reviewId).map(c -> filesOf(List.of(c)).get(0));
    }

    /** The oldest waiting case nobody else holds a live claim on, leaving out {@code skipped} (may be null). */
    @Transactional
    public Optional<UUID> nextFor(String moderator, UUID skipped) {
        return cases.find("open = true and (claimedBy is null or claimedBy = ?1 or claimedUntil < ?2) and reviewId <> ?3 "
                + "order by queuedAt, id", moderator, Instant.now(), skipped == null ? new UUID(0, 0) : skipped)
                .firstResultOptional().map(c -> c.reviewId);
    }

    @Transactional
    public QueueFacets facets() {
        @SuppressWarnings("unchecked")
        List<Object[]> films = entityManager.createNativeQuery("""
                SELECT c.film_id, f.title, count(*) FROM moderation_case c LEFT JOIN film_profile f ON f.film_id = c.film_id
                WHERE c.open GROUP BY c.film_id, f.title ORDER BY f.title NULLS LAST""").getResultList();
        @SuppressWarnings("unchecked")
        List<String> codes = entityManager.createNativeQuery("""
                SELECT DISTINCT r ->> 'code' FROM moderation_case c, jsonb_array_elements(c.reasons) r
                WHERE c.open ORDER BY 1""").getResultList();
        return new QueueFacets(films.stream().map(row -> new QueueFacets.FilmCount((UUID) row[0], (String) row[1],
                ((Number) row[2]).longValue())).toList(), codes);
    }

    private List<CaseFile> filesOf(List<ModerationCase> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        Set<UUID> filmIds = page.stream().map(c -> c.filmId).collect(Collectors.toSet());
        Map<UUID, String> titles = films.list("filmId in ?1", filmIds).stream()
                .collect(Collectors.toMap(f -> f.filmId, f -> f.title));
        Map<String, long[]> totals = totalsOf(page.stream().map(c -> c.authorId).collect(Collectors.toSet()));
        Map<UUID, List<CaseReport>> reported = reports.ofReviews(page.stream().map(c -> c.reviewId).toList()).stream()
                .collect(Collectors.groupingBy(r -> r.reviewId));
        return page.stream().map(c -> {
            long[] total = totals.getOrDefault(c.authorId, new long[2]);
            // the case at hand is not history: take it out of the author's totals
            long rejectedHere = c.outcome == Decision.REJECT ? 1 : 0;
            AuthorHistory history = new AuthorHistory(Math.max(0, total[0] - 1), Math.max(0, total[1] - rejectedHere));
            return new CaseFile(c, titles.get(c.filmId), history, reported.getOrDefault(c.reviewId, List.of()));
        }).toList();
    }

    /** Per author: reviews posted and reviews whose latest version stands rejected. */
    private Map<String, long[]> totalsOf(Set<String> authorIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT author_id, count(*), count(*) FILTER (WHERE outcome = 'REJECT')
                FROM (SELECT DISTINCT ON (review_id) author_id, outcome FROM moderation_case
                      WHERE author_id IN (:authors) ORDER BY review_id, version DESC) latest
                GROUP BY author_id""")
                .setParameter("authors", authorIds).getResultList();
        Map<String, long[]> totals = new HashMap<>();
        for (Object[] row : rows) {
            totals.put((String) row[0], new long[]{((Number) row[1]).longValue(), ((Number) row[2]).longValue()});
        }
        return totals;
    }
}
