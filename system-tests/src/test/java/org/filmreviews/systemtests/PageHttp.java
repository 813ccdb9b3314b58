package org.filmreviews.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Pages and page data over plain HTTP, without a browser: with the Accept header of a browser or of a JSON
 * client, since catalog-service answers a film's address with either.
 */
final class PageHttp {

    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private PageHttp() {
    }

    /** The body of a GET, which must answer 200. */
    static String get(String url, String accept) throws IOException, InterruptedException {
        HttpResponse<String> response = response(url, accept);
        assertThat(response.statusCode()).as("GET %s", url).isEqualTo(200);
        return response.body();
    }

    static JsonNode json(String url) throws Exception {
        return JSON.readTree(get(url, "application/json"));
    }

    /** A GET as it comes back, whatever its status: for its headers. */
    static HttpResponse<String> response(String url, String accept) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A PUT of {@code body} as JSON with a bearer token, if the resource is still at version {@code ifMatch}. */
    static HttpResponse<String> put(String url, String token, String ifMatch, Object body)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("If-Match", ifMatch)
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
