package org.filmreviews.moderation.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.filmreviews.moderation.queue.ModerationQueue;
import org.filmreviews.moderation.queue.QueueCursor;
import org.filmreviews.moderation.queue.QueueFacets;
import org.filmreviews.moderation.queue.QueueFilter;
import org.filmreviews.moderation.queue.QueueSlice;
import org.filmreviews.moderation.queue.QueueStatistics;
import org.filmreviews.platform.domain.DomainException;

/** The queue as the console shows it: a page of cases, the filter form, the facets and the statistics. */
@ApplicationScoped
class ConsoleQueue {

    static final int PAGE_SIZE = 50;

    @Inject
    ModerationQueue queue;

    @Inject
    QueueStatistics statistics;

    @Inject
    ConsoleConfig config;

    /**
     * The queue page's data for {@code user}; the live updates ({@code whole} false) need the rows only. A filter
     * or cursor that is not understood shows every case, saying why.
     */
    ConsoleViews.QueuePage page(String user, String filmId, String reason, String minSpam, String minSpoiler, String appeal,
            String reported, String cursor, String notice, boolean whole) {
        QueueFilter filter;
        QueueCursor after;
        try {
            filter = QueueFilter.parse(filmId, reason, minSpam, minSpoiler, appeal, reported);
            after = cursor == null || cursor.isBlank() ? null : QueueCursor.decode(cursor);
        } catch (DomainException bad) {
            filter = QueueFilter.ALL;
            after = null;
            notice = "The filter was not understood (" + bad.getMessage() + "); showing every case.";
        }
        QueueSlice slice = queue.page(filter, after, PAGE_SIZE);
        Instant now = Instant.now();
        ConsoleViews.Filters form = new ConsoleViews.Filters(text(filter.filmId()), text(filter.reason()),
                text(filter.minSpam()), text(filter.minSpoiler()), text(filter.appeal()), text(filter.reported()),
                query(filter, null));
        QueueFacets facets = whole ? queue.facets() : new QueueFacets(List.of(), List.of());
        return new ConsoleViews.QueuePage(user, form, ConsoleViews.films(facets, form.filmId()),
                ConsoleViews.reasonCodes(facets, form.reason()),
                slice.items().stream().map(f -> ConsoleViews.row(f, user, now)).toList(),
                slice.next() == null ? null : "/console?" + query(filter, slice.next().encode()),
                whole ? ConsoleViews.stats(statistics.now(7), user) : null, notice, config.refreshEvery().toMillis());
    }

    private static String query(QueueFilter filter, String cursor) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("filmId", filter.filmId());
        query.put("reason", filter.reason());
        query.put("minSpam", filter.minSpam());
        query.put("minSpoiler", filter.minSpoiler());
        query.put("appeal", filter.appeal());
        query.put("reported", filter.reported());
        query.put("cursor", cursor);
        return query.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().toString(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
