package org.filmreviews.bench.pipeline;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.filmreviews.devinfra.launch.ApiClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * (5) The catalog's page data rebuilt through its admin API from the review topics as the run left them: every
 * decision, withdrawal and vote read from offset 0 and applied in one transaction. Its rate is the catalog's own
 * count of records read over its own timing, so the HTTP round trip does not count.
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
        return new Result(report.path("recordsRead").asLong(), report.path("eventsApplied").asLong(), report.path("tookMillis").asLong());
    }
}
