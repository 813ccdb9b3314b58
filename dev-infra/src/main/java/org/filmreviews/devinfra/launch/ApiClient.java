package org.filmreviews.devinfra.launch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small JSON-over-HTTP client for the public API, as any other client of the system would use it. */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A response: status and parsed JSON body (null when there is none). */
    public record Reply(int status, JsonNode body) {
    }

    public Reply get(String url, String token) {
        return send(request(url, token).GET().build());
    }

    public Reply post(String url, String token, Object body) {
        return send(request(url, token).header("Content-Type", "application/json").POST(json(body)).build());
    }

    public Reply put(String url, String token, Object body) {
        return send(request(url, token).header("Content-Type", "application/json").PUT(json(body)).build());
    }

    /** Signs in and returns the access token. */
    public String token(String reviewServiceUrl, String username, String password) {
        Reply reply = post(reviewServiceUrl + "/auth/token", null, Map.of("username", username, "password", password));
        if (reply.status() != 200) {
            throw new IllegalStateException("Cannot sign in as " + username + ": HTTP " + reply.status() + " " + reply.body());
        }
        return reply.body().get("access_token").asText();
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static HttpRequest.Builder request(String url, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            return new Reply(response.statusCode(), text == null || text.isBlank() ? null : JSON.readTree(text));
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
