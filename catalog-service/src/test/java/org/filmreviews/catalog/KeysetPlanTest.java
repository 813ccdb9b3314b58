package org.filmreviews.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.filmreviews.catalog.repository.PageReviewRepository;
import org.filmreviews.catalog.service.page.ReviewSort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Page reads stay fast at any depth because each sort is an index seek, never a scan with OFFSET or a
 * sort of the film's reviews: PostgreSQL's own plan for the repository's queries shows it. (The speed
 * itself is measured in bench/, not asserted here.)
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeysetPlanTest {

    private static final UUID FILM = UUID.randomUUID();
    private static final String MARKER = "keyset-plan-test";

    @Inject
    EntityManager entityManager;

    @BeforeAll
    void aFilmWithManyReviews() {
        // 20,000 visible reviews of one film among 20,000 of others, as the projection writes them
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager
                    .createNativeQuery(
                            """
                                    INSERT INTO page_review (review_id, film_id, version, visible, author, author_username, rating, body,
                                                             excerpt, submitted_at, updated_at, helpful, not_helpful)
                                    SELECT gen_random_uuid(), CASE WHEN i % 2 = 0 THEN CAST(:film AS uuid) ELSE gen_random_uuid() END, 1, true,
                                           'Author ' || i, :marker, CASE WHEN i % 11 = 0 THEN NULL ELSE 1 + i % 10 END, 'Body ' || i, 'Body ' || i,
                                           timestamptz '2026-01-01' + i * interval '1 minute', now(), i % 13, i % 5
                                    FROM generate_series(1, 40000) AS i
                                    """)
                    .setParameter("film", FILM.toString()).setParameter("marker", MARKER).executeUpdate();
            entityManager.createNativeQuery("ANALYZE page_review").executeUpdate();
        });
    }

    /** These rows never went through Kafka: they must not outlive the test (a rebuild would rightly drop them). */
    @AfterAll
    void removeThem() {
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("DELETE FROM page_review WHERE author_username = :marker")
                .setParameter("marker", MARKER).executeUpdate());
    }

    private String plan(ReviewSort sort, boolean afterCursor) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Query query = entityManager.createNativeQuery("EXPLAIN " + PageReviewRepository.pageSql(sort, afterCursor))
                    .setParameter("film", FILM).setParameter("limit", 11);
            if (afterCursor) {
                query.setParameter("at", Instant.parse("2026-01-10T00:00:00Z")).setParameter("id", UUID.randomUUID());
                if (sort.rankColumn() != null) {
                    query.setParameter("rank", sort == ReviewSort.LOWEST ? -5 : 5);
                }
            }
            @SuppressWarnings("unchecked")
            List<Object> lines = query.getResultList();
            return lines.stream().map(String::valueOf).collect(Collectors.joining("\n"));
        });
    }

    @Test
    void everySortStartsEveryPageWithAnIndexSeekAndNeverSorts() {
        for (ReviewSort sort : ReviewSort.values()) {
            String index = "page_review_" + sort.label();
            for (boolean deep : List.of(false, true)) {
                String plan = plan(sort, deep);
                assertThat(plan).as("plan of sort=%s %s:%n%s", sort.label(), deep ? "after a cursor" : "first page", plan)
                        .contains("Index Scan using " + index)
                        .doesNotContain("Sort  (").doesNotContain("Sort (").doesNotContain("Seq Scan");
                if (deep) {
                    assertThat(plan).as("the cursor is part of the index condition:%n%s", plan)
                            .containsPattern("Index Cond: .*ROW\\(");
                }
            }
        }
    }
}
