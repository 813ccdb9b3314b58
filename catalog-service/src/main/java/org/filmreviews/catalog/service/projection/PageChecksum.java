package org.filmreviews.catalog.service.projection;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * A fingerprint of the page data built from the log: every review row (visible or not, since hidden
 * rows carry the versions that keep stale events out) and every non-empty summary, without the
 * bookkeeping timestamps. Equal fingerprints mean equal pages for every film, sort and cursor.
 */
@ApplicationScoped
public class PageChecksum {

    /** The fingerprint, and how many review rows and summaries went into it. */
    public record Fingerprint(String sha256, long reviewRows, long visibleReviews, long summaries) {
    }

    // Row constructors render NULL and quoting unambiguously; instants as epoch numbers, not in the
    // session's time zone.
    private static final String SQL = """
            WITH reviews AS (
                SELECT 'r' || review_id AS k, visible,
                       (review_id, film_id, version, visible, author, author_username, rating, headline, body, excerpt,
                        spoiler, spoiler_sentences, extract(epoch FROM submitted_at), withdrawn_version, helpful,
                        not_helpful, vote_tally)::text AS line
                FROM page_review WHERE (:film = '' OR film_id = CAST(NULLIF(:film, '') AS uuid))
            ), summaries AS (
                SELECT 'f' || film_id AS k, (film_id, rated_count, rating_sum, histogram, review_count)::text AS line
                FROM film_rating WHERE (:film = '' OR film_id = CAST(NULLIF(:film, '') AS uuid))
                  AND (rated_count, rating_sum, review_count) <> (0, 0, 0)
            ), lines AS (
                SELECT k, line FROM reviews UNION ALL SELECT k, line FROM summaries
            )
            SELECT encode(sha256(convert_to(coalesce(string_agg(line, E'\\n' ORDER BY k), ''), 'UTF8')), 'hex'),
                   (SELECT count(*) FROM reviews), (SELECT count(*) FROM reviews WHERE visible), (SELECT count(*) FROM summaries)
            FROM lines
            """;

    @Inject
    EntityManager entityManager;

    /** Over all films, or one when {@code filmId} is given. */
    @Transactional
    public Fingerprint of(UUID filmId) {
        Object[] row = (Object[]) entityManager.createNativeQuery(SQL)
                .setParameter("film", filmId == null ? "" : filmId.toString())
                .getSingleResult();
        return new Fingerprint((String) row[0], ((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
                ((Number) row[3]).longValue());
    }
}
