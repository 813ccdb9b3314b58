package org.filmreviews.catalog.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.filmreviews.catalog.domain.PageReview;
import org.filmreviews.catalog.service.page.FilmPage;
import org.filmreviews.catalog.service.page.FilmPageService;
import org.filmreviews.catalog.service.page.ReviewSlice;
import org.filmreviews.catalog.service.page.ReviewSort;

/**
 * The film page as JSON. These names are a published contract: {@code id, title, releaseDate,
 * country, synopsis, trailers[{title, url}], rating{average, count, histogram}, reviews{items[{id, author,
 * rating, headline, excerpt, body, spoiler, spoilerSentences, truncated, submittedAt}], next}}; fields are
 * only ever added (since: originalTitle, runtimeMinutes, genres, cast, reviewCount, sort, helpful, notHelpful).
 */
public record FilmPageResponse(
        UUID id,
        String title,
        LocalDate releaseDate,
        String country,
        String synopsis,
        List<FilmResponse.TrailerResponse> trailers,
        Rating rating,
        Reviews reviews,
        String originalTitle,
        Integer runtimeMinutes,
        List<String> genres,
        List<FilmResponse.CastResponse> cast,
        int reviewCount,
        String sort) {

    /** Average to one decimal (null when nobody rated), count of rated reviews, counts of 1 to 10. */
    public record Rating(BigDecimal average, int count, List<Integer> histogram) {
    }

    /** One page of reviews; {@code next} is the path of the following page, null on the last. */
    public record Reviews(List<Item> items, String next) {
    }

    /**
     * One review. {@code excerpt} is cut at a word boundary for "View More"; {@code spoilerSentences}
     * are the spans of {@code body} to hide; with {@code spoiler} true and no spans, hide it all.
     */
    public record Item(UUID id, String author, Integer rating, String headline, String excerpt, String body,
            boolean spoiler, List<Span> spoilerSentences, boolean truncated, Instant submittedAt, int helpful,
            int notHelpful) {
    }

    public record Span(int start, int end) {
    }

    static FilmPageResponse of(FilmPage page, int limit) {
        var film = page.film();
        var rating = page.rating();
        return new FilmPageResponse(film.id, film.title, film.releaseDate, film.country, film.synopsis,
                FilmResponse.trailers(film),
                new Rating(rating.average(), rating.ratedCount, Arrays.stream(rating.histogram).boxed().toList()),
                reviews(film.id, page.sort(), limit, page.reviews()),
                film.originalTitle, film.runtimeMinutes, List.copyOf(film.genres), FilmResponse.cast(film),
                rating.reviewCount, page.sort().label());
    }

    static Reviews reviews(UUID filmId, ReviewSort sort, int limit, ReviewSlice slice) {
        return new Reviews(slice.items().stream().map(FilmPageResponse::item).toList(),
                slice.next().map(c -> "/films/" + filmId + "/reviews?sort=" + sort.label() + "&cursor=" + c.encode()
                        + (limit == FilmPageService.DEFAULT_PAGE_SIZE ? "" : "&limit=" + limit))
                        .orElse(null));
    }

    private static Item item(PageReview review) {
        return new Item(review.reviewId, review.author, review.rating, review.headline, review.excerpt, review.body,
                review.spoiler, spans(review.spoilerSentences), review.isTruncated(), review.submittedAt,
                review.helpful, review.notHelpful);
    }

    static List<Span> spans(String encoded) {
        if (encoded == null || encoded.isBlank()) {
            return List.of();
        }
        return Arrays.stream(encoded.split(",")).map(pair -> {
            String[] bounds = pair.split("-");
            return new Span(Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1]));
        }).toList();
    }
}
