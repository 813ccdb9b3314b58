package org.filmreviews.catalog.repository;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.filmreviews.catalog.domain.FilmRating;
import org.filmreviews.platform.persistence.CopyRows;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class FilmRatingRepository implements PanacheRepositoryBase<FilmRating, UUID> {

    /** The film's summary, created on first use; callers hold the film's projection lock. */
    public FilmRating findOrCreate(UUID filmId) {
        FilmRating rating = findById(filmId);
        if (rating == null) {
            rating = FilmRating.empty(filmId);
            persist(rating);
        }
        return rating;
    }

    /** Writes new summaries in one statement (a rebuild's bulk load, into a table emptied in the same transaction). */
    public long copyAll(Collection<FilmRating> summaries) {
        return CopyRows.into(getEntityManager(), "film_rating",
                List.of("film_id", "rated_count", "rating_sum", "histogram", "review_count"),
                summaries, (rating, line) -> line.value(rating.filmId).value(rating.ratedCount).value(rating.ratingSum)
                        .value(Arrays.stream(rating.histogram).mapToObj(Integer::toString)
                                .collect(Collectors.joining(",", "{", "}")))
                        .value(rating.reviewCount));
    }
}
