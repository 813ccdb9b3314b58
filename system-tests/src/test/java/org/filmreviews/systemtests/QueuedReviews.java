package org.filmreviews.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.filmreviews.devinfra.launch.ApiClient;
import org.filmreviews.devinfra.launch.LocalSystem;
import org.filmreviews.devinfra.test.EventTestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Cases put into the moderation queue of a film through the public API, as authors do: reviews the engine
 * holds for a moderator, and an appeal against a rejection. Each returns once the case is waiting.
 */
final class QueuedReviews {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "a long enough password";

    private final LocalSystem system;
    private final ApiClient api;
    private final String review;
    private final String moderation;
    private final String filmId;

    QueuedReviews(LocalSystem system, ApiClient api, String filmId) {
        this.system = system;
        this.api = api;
        this.review = system.url("review-service");
        this.moderation = system.url("moderation-service");
        this.filmId = filmId;
    }

    /** Each review from a reviewer of its own: an author writes one review per film. */
    String post(String body) {
        String token = Reviewers.signUp(api, review, "viewer-", "Console Viewer", PASSWORD);
        ApiClient.Reply reply = api.post(review + "/films/" + filmId + "/reviews", token, Map.of("body", body, "rating", 7));
        assertThat(reply.status()).as("posting %s: %s", body, reply.body()).isEqualTo(202);
        String id = reply.body().get("id").asText();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> "IN_REVIEW".equals(api.get(review + "/reviews/" + id, token).body().path("status").asText()));
        return id;
    }

    /** The seed advertisement was rejected at start; its author appeals through review-service. */
    String appealTheSeedAdvertisement() throws IOException {
        String mia = api.token(review, "mia", "mia");
        String author = api.token(review, "streamfree", "mirror-for-a-hero");
        String adId = null;
        try (EventTestClient kafka = new EventTestClient(system.kafkaBootstrapServers())) {
            for (var record : kafka.read("moderation.review-decided.v1", Duration.ofSeconds(30), read -> read.stream()
                    .anyMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains("\"REJECT\"")))) {
                JsonNode decided = JSON.readTree(record.value());
                if ("REJECT".equals(decided.get("decision").asText()) && filmId.equals(decided.get("filmId").asText())) {
                    adId = decided.get("reviewId").asText();
                }
            }
            assertThat(adId).as("the seed advertisement was rejected").isNotNull();
            String message = "This is not an advertisement, it is my honest opinion!";
            ApiClient.Reply appealed = api.post(review + "/reviews/" + adId + "/appeal", author, Map.of("message", message));
            assertThat(appealed.status()).as("appeal: %s", appealed.body()).isEqualTo(202);
            assertThat(appealed.body().get("status").asText()).isEqualTo("IN_REVIEW");
        }
        String ad = adId;
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> api.get(moderation + "/moderation/cases/" + ad, mia).body().path("open").asBoolean());
        return adId;
    }
}
