package org.filmreviews.bench.pipeline;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.filmreviews.devinfra.launch.ApiClient;
import org.filmreviews.devinfra.launch.LocalSystem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * (5) The catalog's page data rebuilt through its admin API from the review topics: every decision, withdrawal and
 * vote read from offset 0 and applied in one transaction. Its rate is the catalog's own count of records read over
 * its own timing, so the HTTP round trip does not count. On a system of the bench's own, a {@link ReviewLog} of
 * {@link Sizes#logEvents()} events is appended first ({@link #appendLog}); otherwise the topics hold what the run left.
 */
final class Rebuild {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Result(long recordsRead, long eventsApplied, long tookMillis) {

        double perSecond() {
            return tookMillis == 0 ? 0 : recordsRead * 1000.0 / tookMillis;
        }
    }

    private Rebuild() {
    }

    /**
     * Stops the services, appends the log to the review topics, and starts them again with their readers of those
     * topics in fresh consumer groups that begin at the end: the log is there to be rebuilt from, not to keep the
     * live consumers busy for minutes while the rebuild is measured.
     */
    static ReviewLog.Written appendLog(LocalSystem system, long events, int films) {
        system.stopServices();
        ReviewLog.Written written = ReviewLog.write(system.kafkaBootstrapServers(), events, films, 20261207L);
        Map<String, List<String>> readers = Map.of("review-service", List.of("REVIEW_DECIDED"),
                "moderation-service", List.of("REVIEW_WITHDRAWN"),
                "catalog-service", List.of("REVIEW_DECIDED", "REVIEW_WITHDRAWN", "REVIEW_VOTED"));
        Map<String, Map<String, String>> changes = new HashMap<>();
        readers.forEach((service, channels) -> {
            // As system properties, not MP_MESSAGING_INCOMING_<CHANNEL>_... variables: auto.offset.reset is set once at
            // connector level, and SmallRye Config maps such a variable back to a channel whose name has a dash only
            // when that channel's own key exists in the service's configuration.
            StringBuilder properties = new StringBuilder();
            for (String channel : channels) {
                String name = channel.toLowerCase().replace('_', '-');
                properties.append(" -Dmp.messaging.incoming.").append(name).append(".group.id=").append(service)
                        .append(".after-bench-log.").append(channel.toLowerCase());
                properties.append(" -Dmp.messaging.incoming.").append(name).append(".auto.offset.reset=latest");
            }
            changes.put(service, Map.of("JAVA_TOOL_OPTIONS", properties.toString().strip()));
        });
        system.startServices(changes);
        return written;
    }

    /** Reviews visible on the pages of these films, read from the catalog's rows. */
    static long visibleOn(BenchTarget target, List<UUID> films) throws Exception {
        try (Connection db = DriverManager.getConnection(target.postgres().jdbcUrl(LocalSystem.databaseOf("catalog-service")),
                target.postgres().username(), target.postgres().password());
                PreparedStatement query = db
                        .prepareStatement("SELECT count(*) FROM page_review WHERE visible AND film_id = ANY (?)")) {
            query.setArray(1, db.createArrayOf("uuid", films.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    static Result run(BenchTarget target) throws Exception {
        // A fresh admin token: the cast's is older than the run and tokens live fifteen minutes.
        String admin = new ApiClient().token(target.reviewUrl(), "admin", "admin");
        HttpRequest request = HttpRequest.newBuilder(URI.create(target.catalogUrl() + "/admin/page-data/rebuild"))
                .timeout(Duration.ofMinutes(11)) // the catalog gives a rebuild ten minutes at most
                .header("Authorization", "Bearer " + admin)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The rebuild answered HTTP " + response.statusCode() + ": " + response.body());
        }
        JsonNode report = JSON.readTree(response.body());
        return new Result(report.path("recordsRead").asLong(), report.path("eventsApplied").asLong(),
                report.path("tookMillis").asLong());
    }
}
