package org.filmreviews.devinfra.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Loads the seed film "Mirror for a Hero" through the public API, as people would: the admin creates
 * the film, each seed author signs up and posts their review, and the page's advertisement is posted
 * too, for moderation to keep out. Skipped when the film already exists.
 */
public final class SeedLoader {

    public static final String SEED_RESOURCE = "/seed/mirror-for-a-hero.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The seeded film and how many reviews were posted (zero when it was there already). */
    public record Result(String filmId, int reviewsPosted, boolean alreadyThere) {
    }

    private final String reviewService;
    private final String catalogService;
    private final ApiClient api = new ApiClient();

    public SeedLoader(String reviewService, String catalogService) {
        this.reviewService = reviewService;
        this.catalogService = catalogService;
    }

    /**
     * Seeds a system that was started some other way (docker-compose, a cluster):
     * {@code SeedLoader [review-service-url] [catalog-service-url]}, by default the local ports.
     */
    public static void main(String[] args) {
        String reviews = args.length > 0 ? args[0] : "http://127.0.0.1:8081";
        String catalog = args.length > 1 ? args[1] : "http://127.0.0.1:8083";
        Result result = new SeedLoader(reviews, catalog).load();
        System.out.println(catalog + "/films/" + result.filmId());
    }

    public static JsonNode seed() {
        try (InputStream in = SeedLoader.class.getResourceAsStream(SEED_RESOURCE)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Result load() {
        JsonNode seed = seed();
        JsonNode film = seed.get("film");
        String title = film.get("title").asText();

        ApiClient.Reply found = api.get(catalogService + "/films?q=" + URLEncoder.encode(title, StandardCharsets.UTF_8), null);
        for (JsonNode item : found.body().get("items")) {
            if (title.equals(item.get("title").asText())) {
                LocalSystem.log("Seed film \"" + title + "\" is already there");
                return new Result(item.get("id").asText(), 0, true);
            }
        }

        String admin = api.token(reviewService, "admin", "admin");
        ApiClient.Reply created = api.post(catalogService + "/films", admin, film);
        if (created.status() != 201) {
            throw new IllegalStateException("Creating the seed film failed: HTTP " + created.status() + " " + created.body());
        }
        String filmId = created.body().get("id").asText();
        LocalSystem.log("Created the seed film \"" + title + "\" (" + filmId + ")");

        String password = seed.get("accountPassword").asText();
        int posted = 0;
        for (JsonNode review : seed.get("reviews")) {
            String username = review.get("username").asText();
            ensureAccount(username, review.get("displayName").asText(), password);
            String token = api.token(reviewService, username, password);
            postWhenTheFilmIsKnown(filmId, token, review);
            posted++;
        }
        LocalSystem.log("Posted " + posted + " seed submissions; moderation decides them now");
        return new Result(filmId, posted, false);
    }

    private void ensureAccount(String username, String displayName, String password) {
        ApiClient.Reply reply = api.post(reviewService + "/accounts", null,
                Map.of("username", username, "displayName", displayName, "password", password));
        if (reply.status() != 201 && reply.status() != 409) {
            throw new IllegalStateException("Signing up " + username + " failed: HTTP " + reply.status() + " " + reply.body());
        }
    }

    /** review-service learns of new films through Kafka: until it has, the film is unknown there (404). */
    private void postWhenTheFilmIsKnown(String filmId, String token, JsonNode review) {
        Map<String, Object> body = new LinkedHashMap<>();
        ObjectNode fields = (ObjectNode) review;
        body.put("body", fields.get("body").asText());
        body.put("spoiler", fields.path("spoiler").asBoolean(false));
        if (fields.hasNonNull("rating")) {
            body.put("rating", fields.get("rating").asInt());
        }
        if (fields.hasNonNull("headline")) {
            body.put("headline", fields.get("headline").asText());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            ApiClient.Reply reply = api.post(reviewService + "/films/" + filmId + "/reviews", token, body);
            if (reply.status() == 202) {
                return;
            }
            if (reply.status() != 404 || System.nanoTime() > deadline) {
                throw new IllegalStateException("Posting a seed review failed: HTTP " + reply.status() + " " + reply.body());
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
        }
    }
}
