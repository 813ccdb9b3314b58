package org.filmreviews.bench.pipeline;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.filmreviews.bench.page.Load;
import org.filmreviews.devinfra.launch.ApiClient;

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

    int reviewCount(String film) {
        return new ApiClient().get(target.catalogUrl() + "/films/" + film, null).body().path("reviewCount").asInt();
    }
}
