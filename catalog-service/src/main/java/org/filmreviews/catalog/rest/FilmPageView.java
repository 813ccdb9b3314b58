package org.filmreviews.catalog.rest;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.filmreviews.catalog.domain.Film;
import org.filmreviews.catalog.domain.FilmRating;
import org.filmreviews.catalog.domain.PageReview;
import org.filmreviews.catalog.service.page.FilmPage;
import org.filmreviews.catalog.service.page.FilmPageService;
import org.filmreviews.catalog.service.page.ReviewSort;

/**
 * What the HTML film page shows, already in words and in display order: the template only places it.
 * Every string here is plain text; the template escapes it.
 */
public record FilmPageView(
        UUID id,
        String title,
        String originalTitle,
        String year,
        String releaseDate,
        String releaseDateIso,
        String country,
        String runtime,
        String genres,
        String synopsis,
        List<TrailerView> trailers,
        List<CastView> cast,
        RatingView rating,
        int reviewCount,
        List<SortLink> sorts,
        String sortLabel,
        List<ReviewView> reviews,
        String nextHref,
        String firstPageHref,
        boolean firstPage,
        boolean newestFirst) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    public record TrailerView(String title, String url) {
    }

    public record CastView(String name, String character) {
    }

    /** One bar of the histogram; {@code max} is the largest count, so bars share one scale. */
    public record Bar(int stars, int count, int max) {
    }

    public record RatingView(String average, int count, List<Bar> bars) {
    }

    public record SortLink(String label, String href, boolean current) {
    }

    /** A run of review text, hidden behind its own reveal when it is a spoiler. */
    public record Segment(String text, boolean spoiler, String key) {
    }

    public record ReviewView(UUID id, String author, Integer rating, String headline, String date, String dateIso,
            boolean truncated, boolean wholeSpoiler, List<Segment> excerpt, List<Segment> body, int helpful, int votes) {
    }

    static FilmPageView of(FilmPage page, String cursor, int limit) {
        Film film = page.film();
        String base = "/films/" + film.id + "/page";
        String limitParam = limit == FilmPageService.DEFAULT_PAGE_SIZE ? "" : "&limit=" + limit;
        List<SortLink> sorts = Arrays.stream(ReviewSort.values())
                .map(s -> new SortLink(label(s), base + "?sort=" + s.label() + limitParam, s == page.sort())).toList();
        return new FilmPageView(film.id, film.title, film.originalTitle,
                film.releaseDate == null ? null : Integer.toString(film.releaseDate.getYear()),
                film.releaseDate == null ? null : DAY.format(film.releaseDate),
                film.releaseDate == null ? null : film.releaseDate.toString(),
                film.country, runtime(film.runtimeMinutes),
                film.genres.isEmpty() ? null : String.join(", ", film.genres),
                film.synopsis,
                film.trailers.stream().map(t -> new TrailerView(t.title, t.url)).toList(),
                film.cast.stream().map(c -> new CastView(c.name(), c.character())).toList(),
                rating(page.rating()), page.rating().reviewCount, sorts, label(page.sort()),
                page.reviews().items().stream().map(FilmPageView::review).toList(),
                page.reviews().next().map(c -> base + "?sort=" + page.sort().label() + "&cursor=" + c.encode() + limitParam)
                        .orElse(null),
                base + "?sort=" + page.sort().label() + limitParam,
                cursor == null, page.sort() == ReviewSort.NEWEST);
    }

    private static String label(ReviewSort sort) {
        return switch (sort) {
            case NEWEST -> "Newest";
            case HIGHEST -> "Highest rated";
            case LOWEST -> "Lowest rated";
            case HELPFUL -> "Most helpful";
        };
    }

    private static String runtime(Integer minutes) {
        if (minutes == null) {
            return null;
        }
        return minutes < 60 ? minutes + "min" : minutes / 60 + "h " + minutes % 60 + "min";
    }

    static RatingView rating(FilmRating rating) {
        int max = Arrays.stream(rating.histogram).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        for (int stars = 10; stars >= 1; stars--) {
            bars.add(new Bar(stars, rating.histogram[stars - 1], Math.max(max, 1)));
        }
        return new RatingView(rating.average() == null ? null : rating.average().toPlainString(), rating.ratedCount, bars);
    }

    static ReviewView review(PageReview review) {
        List<FilmPageResponse.Span> spans = FilmPageResponse.spans(review.spoilerSentences);
        boolean wholeSpoiler = review.spoiler && spans.isEmpty();
        String body = review.body;
        List<Segment> full = segments(body, spans, body.length(), "b", false);
        List<Segment> excerpt = review.isTruncated()
                ? segments(body, spans, review.excerpt.length() - 1, "e", true)
                : full;
        LocalDate day = review.submittedAt.atZone(ZoneOffset.UTC).toLocalDate();
        return new ReviewView(review.reviewId, review.author, review.rating, review.headline, DAY.format(day),
                day.toString(), review.isTruncated(), wholeSpoiler, excerpt, full, review.helpful,
                review.helpful + review.notHelpful);
    }

    /**
     * The first {@code length} characters of {@code text} cut into plain and spoiler runs; an excerpt
     * (the text was cut there) ends with an ellipsis.
     */
    static List<Segment> segments(String text, List<FilmPageResponse.Span> spans, int length, String keyPrefix, boolean cut) {
        List<Segment> segments = new ArrayList<>();
        int position = 0;
        int spoilers = 0;
        for (FilmPageResponse.Span span : spans.stream().sorted(Comparator.comparingInt(FilmPageResponse.Span::start))
                .toList()) {
            int start = Math.max(position, Math.min(span.start(), length));
            int end = Math.max(start, Math.min(span.end(), length));
            if (start > position) {
                segments.add(new Segment(text.substring(position, start), false, null));
            }
            if (end > start) {
                segments.add(new Segment(text.substring(start, end), true, keyPrefix + spoilers++));
            }
            position = Math.max(position, end);
        }
        if (position < length) {
            segments.add(new Segment(text.substring(position, length), false, null));
        }
        if (cut) {
            segments.add(new Segment("…", false, null));
        }
        return segments;
    }
}
