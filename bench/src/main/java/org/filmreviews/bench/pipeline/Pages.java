package org.filmreviews.bench.pipeline;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.filmreviews.bench.page.Load;
import org.filmreviews.bench.page.ReviewRows;
import org.filmreviews.devinfra.launch.ApiClient;
import org.filmreviews.devinfra.launch.LocalSystem;

/** Film page reads as a reader's browser (HTML) and a client of the API (JSON) make them, closed loop. */
final class Pages {

    private final BenchTarget target;
    private final Sizes sizes;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    Pages(BenchTarget target, Sizes sizes) {
        this.target = target;
        this.sizes = sizes;
    }

    Load.Result read(String film, boolean html) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(target.catalogUrl() + "/films/" + film))
                .header("Accept", html ? "text/html" : "application/json").build();
        return Load.measure("film page " + (html ? "HTML" : "JSON") + ", " + sizes.getConnections() + " connections",
                sizes.getConnections(), sizes.warmupSeconds(), sizes.seconds(), thread -> {
                    HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + response.statusCode());
                    }
                });
    }

    /**
     * A new film with {@code reviews} published reviews written straight into the catalog's page rows and summary,
     * row for row as its projection writes them (publishing them through the pipeline would make (4) about loading).
     */
    String filmWith(int reviews) throws Exception {
        ApiClient api = new ApiClient();
        String admin = api.token(target.reviewUrl(), "admin", "admin");
        ApiClient.Reply film = api.post(target.catalogUrl() + "/films", admin,
                Map.of("title", "Bench film with " + reviews + " reviews " + UUID.randomUUID(), "synopsis",
                        "A long queue of reviewers."));
        if (film.status() != 201) {
            throw new IllegalStateException("Could not create the large film: HTTP " + film.status());
        }
        String id = film.body().get("id").asText();
        ReviewRows.insert(target.postgres().jdbcUrl(LocalSystem.databaseOf("catalog-service")), target.postgres().username(),
                target.postgres().password(), UUID.fromString(id), reviews, 20261207L);
        return id;
    }

    int reviewCount(String film) {
        return new ApiClient().get(target.catalogUrl() + "/films/" + film, null).body().path("reviewCount").asInt();
    }
}
