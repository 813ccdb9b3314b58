package org.filmreviews.catalog.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A film's review summary, kept up to date as reviews enter and leave the page so that reading a page
 * never counts reviews. The rating figures count rated reviews only; {@code reviewCount} counts all.
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

    /** Reviews on the page, rated or not. */
    @Column(name = "review_count")
    public int reviewCount;

    public static FilmRating empty(UUID filmId) {
        FilmRating rating = new FilmRating();
        rating.filmId = filmId;
        return rating;
    }

    /** A review with this rating (null: unrated) came onto the page. */
    public void add(Integer rating) {
        reviewCount++;
        if (rating != null) {
            ratedCount++;
            ratingSum += rating;
            histogram[rating - 1]++;
        }
    }

    /** A review with this rating (null: unrated) left the page. */
    public void remove(Integer rating) {
        reviewCount--;
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
