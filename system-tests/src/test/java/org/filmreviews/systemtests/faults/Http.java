package org.filmreviews.systemtests.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The public HTTP API as a client sees it during faults: a refused connection or a timeout is an
 * answer too (status -1), never an exception, so that the caller decides whether to retry.
 */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    /** An answer: the status (-1 when none came), its headers and its JSON body (null when there is none). */
    record Reply(int status, Map<String, java.util.List<String>> headers, JsonNode body, String text) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private Http() {
    }

    static Reply get(String url, String token) {
        return send("GET", url, token, Map.of(), null);
    }

    static Reply send(String method, String url, String token, Map<String, String> headers, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode json = null;
            if (text != null && !text.isBlank() && text.trim().startsWith("{") || text != null && text.trim().startsWith("[")) {
                try {
                    json = JSON.readTree(text);
                } catch (IOException notJson) {
                    json = null;
                }
            }
            return new Reply(response.statusCode(), response.headers().map(), json, text);
        } catch (IOException e) {
            return new Reply(-1, Map.of(), null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(-1, Map.of(), null, "interrupted");
        }
    }
}
