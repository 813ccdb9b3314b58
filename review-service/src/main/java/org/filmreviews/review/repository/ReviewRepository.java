package org.filmreviews.review.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.filmreviews.platform.paging.KeysetCursor;
import org.filmreviews.review.domain.Review;
import org.filmreviews.review.domain.ReviewStatus;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class ReviewRepository implements PanacheRepositoryBase<Review, UUID> {

    /** The author's review of a film that still counts (not withdrawn), if any. */
    public Optional<Review> findActive(UUID authorId, UUID filmId) {
        return find("authorId = ?1 and filmId = ?2 and status <> ?3", authorId, filmId, ReviewStatus.WITHDRAWN)
                .firstResultOptional();
    }

    /** An author's reviews, newest first, after a keyset position. */
    public List<Review> byAuthor(UUID authorId, KeysetCursor after, int limit) {
        return page("authorId = :who", Parameters.with("who", authorId), after, limit);
    }

    /** A film's reviews in every state, newest first; only of one author when {@code authorId} is given. */
    public List<Review> byFilm(UUID filmId, UUID authorId, KeysetCursor after, int limit) {
        if (authorId == null) {
            return page("filmId = :film", Parameters.with("film", filmId), after, limit);
        }
        return page("filmId = :film and authorId = :who", Parameters.with("film", filmId).and("who", authorId), after, limit);
    }

    private List<Review> page(String where, Parameters parameters, KeysetCursor after, int limit) {
        if (after == null) {
            return find(where + " order by submittedAt desc, id desc", parameters).page(0, limit).list();
        }
        return find(where + " and (submittedAt < :at or (submittedAt = :at and id < :id)) order by submittedAt desc, id desc",
                parameters.and("at", after.at()).and("id", after.id())).page(0, limit).list();
    }
}
