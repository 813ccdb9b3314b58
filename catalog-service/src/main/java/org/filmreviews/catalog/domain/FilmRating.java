package org.filmreviews.catalog.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A film's rating summary, kept up to date as reviews enter and leave the page so that reading a page
 * never counts reviews. Only rated reviews count.
 */
@Entity
@Table(name = "film_rating")
public class FilmRating {

    @Id
    @Column(name = "film_id")
    public UUID filmId;

    @Column(name = "rated_count")
    public int ratedCount;

    @Column(name = "rating_sum")
    public long ratingSum;

    /** Counts of ratings 1 to 10, at indexes 0 to 9. */
    public int[] histogram = new int[10];

    public static FilmRating empty(UUID filmId) {
        FilmRating rating = new FilmRating();
        rating.filmId = filmId;
        return rating;
    }

    public void add(Integer rating) {
        if (rating != null) {
            ratedCount++;
            ratingSum += rating;
            histogram[rating - 1]++;
        }
    }

    public void remove(Integer rating) {
        if (rating != null) {
            ratedCount--;
            ratingSum -= rating;
            histogram[rating - 1]--;
        }
    }

    /** Average to one decimal, or null when nobody rated the film. */
    public BigDecimal average() {
        if (ratedCount == 0) {
            return null;
        }
        return BigDecimal.valueOf(ratingSum).divide(BigDecimal.valueOf(ratedCount), 1, RoundingMode.HALF_UP);
    }
}
