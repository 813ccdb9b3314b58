package org.filmreviews.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.filmreviews.bench.pipeline.BenchTarget;
import org.filmreviews.bench.pipeline.PipelineBench;
import org.filmreviews.bench.pipeline.PipelineReport;
import org.filmreviews.bench.pipeline.Sizes;
import org.filmreviews.devinfra.launch.ApiClient;
import org.filmreviews.devinfra.launch.LocalSystem;
import org.filmreviews.devinfra.launch.SeedLoader;
import org.filmreviews.devinfra.test.EventTestClient;
import org.filmreviews.events.CloudEventHeaders;
import org.filmreviews.events.EventCodec;
import org.filmreviews.events.ReviewDecided;
import org.filmreviews.events.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The walking skeleton end to end: the three packaged services, a real Kafka broker and PostgreSQL,
 * started exactly as {@code ./run.sh} starts them, driven through public HTTP and Kafka only.
 */
class WalkingSkeletonIT {

    private static final List<String> SEED_AUTHORS = List.of(
            "Cubussoli", "BlazeLime", "Tayloriona", "Cristal", "ericoblair", "alex904", "ollaer", "Efenstor");

    static LocalSystem system;
    static final ApiClient api = new ApiClient();
    static String review;
    static String catalog;

    @BeforeAll
    static void start() {
        system = SharedSystem.get();
        review = system.url("review-service");
        catalog = system.url("catalog-service");
    }

    /** The seed film's page once its eight reviews are published (other tests may add reviews of their own). */
    private static JsonNode seedPage() {
        String filmId = system.seeded().orElseThrow().filmId();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> seedItems(api.get(catalog + "/films/" + filmId + "/reviews?limit=100", null).body().get("items"))
                        .size() == 8);
        return api.get(catalog + "/films/" + filmId, null).body();
    }

    private static List<JsonNode> seedItems(JsonNode items) {
        List<JsonNode> seed = new ArrayList<>();
        items.forEach(item -> {
            if (SEED_AUTHORS.contains(item.get("author").asText())) {
                seed.add(item);
            }
        });
        return seed;
    }

    @Test
    void theSeedFilmPageShowsItsEightReviewsAndNoAdvertisement() {
        JsonNode page = seedPage();
        assertThat(page.get("title").asText()).isEqualTo("Mirror for a Hero");
        assertThat(page.get("releaseDate").asText()).isEqualTo("1987-12-13");
        assertThat(page.get("country").asText()).isEqualTo("USA");
        assertThat(page.get("synopsis").asText()).startsWith("Sergei and Andrei are walking through a city park");
        assertThat(page.get("trailers").get(0).get("url").asText()).startsWith("https://");
        // The seed reviews carry no rating: the summary counts only rated reviews (another test adds one).
        long rated = java.util.stream.StreamSupport.stream(page.get("reviews").get("items").spliterator(), false)
                .filter(item -> !item.get("rating").isNull()).count();
        assertThat(page.get("rating").get("count").asLong()).isEqualTo(rated);

        List<String> authors = seedItems(page.get("reviews").get("items")).stream().map(item -> item.get("author").asText())
                .toList();
        assertThat(authors).containsExactlyElementsOf(SEED_AUTHORS);
        assertThat(page.toString()).doesNotContain("Free Trial").doesNotContain("Watch Free").doesNotContain("StreamFree");
        for (JsonNode item : seedItems(page.get("reviews").get("items"))) {
            boolean announcedSpoiler = List.of("alex904", "ollaer").contains(item.get("author").asText());
            assertThat(item.get("spoiler").asBoolean()).as("spoiler flag of %s", item.get("author"))
                    .isEqualTo(announcedSpoiler);
            assertThat(item.get("body").asText()).isNotBlank();
            assertThat(item.get("excerpt").asText().length()).isLessThanOrEqualTo(301);
        }

        JsonNode search = api.get(catalog + "/films?q=mirror", null).body();
        assertThat(search.get("items").findValuesAsText("title")).contains("Mirror for a Hero");
    }

    @Test
    void aReviewerPostsAndSeesTheDecisionAndTheFilmPageShowsThePublishedReview() {
        String filmId = system.seeded().orElseThrow().filmId();
        String username = "sys-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post(review + "/accounts", null,
                Map.of("username", username, "displayName", "System Tester", "password", "long enough")).status())
                .isEqualTo(201);
        String token = api.token(review, username, "long enough");

        ApiClient.Reply clean = api.post(review + "/films/" + filmId + "/reviews", token,
                Map.of("rating", 9, "headline", "Still worth it", "body",
                        "I saw it at a small festival in Riga and the coal mine scenes stayed with me for days."));
        assertThat(clean.status()).isEqualTo(202);
        assertThat(clean.body().get("status").asText()).isEqualTo("SUBMITTED");
        String cleanId = clean.body().get("id").asText();

        String spammer = "spam-" + UUID.randomUUID().toString().substring(0, 8);
        api.post(review + "/accounts", null,
                Map.of("username", spammer, "displayName", "DVD Deals", "password", "long enough"));
        String spammerToken = api.token(review, spammer, "long enough");
        ApiClient.Reply spam = api.post(review + "/films/" + filmId + "/reviews", spammerToken,
                Map.of("body", "Cheap DVDs of every film at https://dvd-deals.example/mirror"));
        String spamId = spam.body().get("id").asText();

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(api.get(review + "/reviews/" + cleanId, token).body().toString())
                        .contains("\"status\":\"PUBLISHED\""));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(api.get(review + "/reviews/" + spamId, spammerToken).body().toString())
                        .contains("\"status\":\"REJECTED\""));
        JsonNode rejected = api.get(review + "/reviews/" + spamId, spammerToken).body();
        assertThat(rejected.get("reasons").findValuesAsText("code")).contains("spam.link");

        await().atMost(Duration.ofSeconds(60)).until(() -> api.get(catalog + "/films/" + filmId, null).body().get("reviews")
                .get("items").get(0).get("id").asText().equals(cleanId));
        JsonNode page = api.get(catalog + "/films/" + filmId, null).body();
        JsonNode newest = page.get("reviews").get("items").get(0);
        assertThat(newest.get("author").asText()).isEqualTo("System Tester");
        assertThat(newest.get("rating").asInt()).isEqualTo(9);
        assertThat(newest.get("headline").asText()).isEqualTo("Still worth it");
        assertThat(page.get("rating").get("count").asInt()).isEqualTo(1);
        assertThat(page.get("rating").get("average").asDouble()).isEqualTo(9.0);
        assertThat(page.toString()).doesNotContain("dvd-deals");
    }

    @Test
    void reviewsInOtherLanguagesAreModeratedOnTheirOwnFilmPage() {
        // A film of its own, so the other tests' expectations about the seed film's page stay untouched.
        String admin = api.token(review, "admin", "admin");
        ApiClient.Reply created = api.post(catalog + "/films", admin, Map.of("title", "Der lange Sommer", "synopsis",
                "A family spends a last summer at the lake house before it is sold."));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String filmId = created.body().get("id").asText();

        String username = "intl-" + UUID.randomUUID().toString().substring(0, 8);
        api.post(review + "/accounts", null, Map.of("username", username, "displayName", "Lena", "password", "long enough"));
        String token = api.token(review, username, "long enough");
        String spammer = "intl-spam-" + UUID.randomUUID().toString().substring(0, 8);
        api.post(review + "/accounts", null,
                Map.of("username", spammer, "displayName", "Kino Gratis", "password", "long enough"));
        String spammerToken = api.token(review, spammer, "long enough");

        String body = "Ein stiller, schöner Film. Am Ende stirbt die Großmutter, und das Haus wird verkauft. Die Musik ist wunderbar.";
        // The film reaches review-service as an event; until then it is an unknown film there.
        await().atMost(Duration.ofSeconds(60)).until(() -> api.post(review + "/films/" + filmId + "/reviews", token,
                Map.of("rating", 8, "body", body)).status() == 202);
        String spamId = api.post(review + "/films/" + filmId + "/reviews", spammerToken,
                Map.of("body", "Película completa gratis en HD, sin registro: cinegratis punto com")).body().get("id").asText();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(
                () -> assertThat(api.get(review + "/reviews/" + spamId, spammerToken).body().get("status").asText())
                        .isIn("IN_REVIEW", "REJECTED"));
        assertThat(api.get(review + "/reviews/" + spamId, spammerToken).body().get("reasons").findValuesAsText("code"))
                .contains("spam.promotion", "spam.link");

        await().atMost(Duration.ofSeconds(60))
                .until(() -> api.get(catalog + "/films/" + filmId, null).body().get("reviews").get("items").size() == 1);
        JsonNode item = api.get(catalog + "/films/" + filmId, null).body().get("reviews").get("items").get(0);
        assertThat(item.get("author").asText()).isEqualTo("Lena");
        assertThat(item.get("spoiler").asBoolean()).isTrue();
        JsonNode hidden = item.get("spoilerSentences").get(0);
        assertThat(body.substring(hidden.get("start").asInt(), hidden.get("end").asInt()))
                .isEqualTo("Am Ende stirbt die Großmutter, und das Haus wird verkauft.");
        assertThat(api.get(catalog + "/films/" + filmId, null).body().toString()).doesNotContain("cinegratis");
    }

    @Test
    void threeReadersReportAPublishedReviewAsASpoilerAndItsFilmPageThenHidesItBehindTheWarning() {
        // A film of its own, so the other tests' expectations about the seed film's page stay untouched.
        String admin = api.token(review, "admin", "admin");
        String filmId = api.post(catalog + "/films", admin, Map.of("title", "The Last Winter", "synopsis",
                "An old keeper spends a last winter at his lighthouse.")).body().get("id").asText();
        String author = newAccount("Keeper Fan");
        // The film reaches review-service as an event; until then it is an unknown film there.
        await().atMost(Duration.ofSeconds(60)).until(() -> api.post(review + "/films/" + filmId + "/reviews", author,
                Map.of("rating", 8, "body", "A patient, lovely film with a wonderful score and a great lead."))
                .status() == 202);
        String id = api.get(review + "/me/reviews", author).body().get("items").get(0).get("id").asText();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> api.get(review + "/reviews/" + id, author).body().get("status").asText().equals("PUBLISHED"));

        for (String reader : List.of("Ada", "Bo", "Cy")) {
            ApiClient.Reply reported = api.put(review + "/reviews/" + id + "/report", newAccount(reader),
                    Map.of("reason", "spoiler", "note", "It gives the ending away."));
            assertThat(reported.status()).as(String.valueOf(reported.body())).isEqualTo(200);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> api.get(catalog + "/films/" + filmId, null).body().get("reviews")
                .get("items").get(0).get("spoiler").asBoolean());
        JsonNode item = api.get(catalog + "/films/" + filmId, null).body().get("reviews").get("items").get(0);
        assertThat(item.get("id").asText()).isEqualTo(id);
        assertThat(item.get("spoilerSentences")).isEmpty(); // the engine found no spoiler sentence: the whole review is hidden
        assertThat(api.get(review + "/reviews/" + id, author).body().get("status").asText()).isEqualTo("PUBLISHED_SPOILER");
    }

    /** A new reader account; returns its token. */
    private static String newAccount(String displayName) {
        String username = "rd-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post(review + "/accounts", null,
                Map.of("username", username, "displayName", displayName, "password", "long enough")).status()).isEqualTo(201);
        return api.token(review, username, "long enough");
    }

    @Test
    void aConsumerOfDecisionsSeesCloudEventsHeaders() {
        String filmId = system.seeded().orElseThrow().filmId();
        seedPage();
        try (EventTestClient kafka = new EventTestClient(system.kafkaBootstrapServers())) {
            List<ConsumerRecord<String, byte[]>> records = kafka.read(Topics.REVIEW_DECIDED, Duration.ofSeconds(30),
                    read -> read.size() >= 9);
            assertThat(records).hasSizeGreaterThanOrEqualTo(9);
            for (ConsumerRecord<String, byte[]> record : records) {
                assertThat(EventTestClient.header(record, CloudEventHeaders.ID)).isNotBlank();
                assertThat(EventTestClient.header(record, CloudEventHeaders.TYPE)).isEqualTo("moderation.review.decided.v1");
                assertThat(EventTestClient.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/moderation-service");
                assertThat(EventTestClient.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
                assertThat(EventTestClient.header(record, CloudEventHeaders.TIME)).isNotBlank();
                assertThat(EventTestClient.header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
                ReviewDecided decided = EventCodec.decode(ReviewDecided.class, record.value());
                assertThat(EventTestClient.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(decided.reviewId().toString());
                assertThat(record.key()).isEqualTo(decided.filmId().toString());
            }
            long rejectedSeed = records.stream().map(r -> EventCodec.decode(ReviewDecided.class, r.value()))
                    .filter(d -> d.filmId().toString().equals(filmId) && d.decision().name().equals("REJECT")).count();
            assertThat(rejectedSeed).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        String filmId = system.seeded().orElseThrow().filmId();
        String alice = api.token(review, "alice", "alice");
        ApiClient.Reply unknownFilm = api.post(review + "/films/" + UUID.randomUUID() + "/reviews", alice, Map.of("body", "x"));
        assertThat(unknownFilm.status()).isEqualTo(404);
        assertThat(unknownFilm.body().get("status").asInt()).isEqualTo(404);
        assertThat(api.post(review + "/films/" + filmId + "/reviews", null, Map.of("body", "x")).status()).isEqualTo(401);
        assertThat(api.post(review + "/films/" + filmId + "/reviews", alice, Map.of("body", "x", "rating", 11)).status())
                .isEqualTo(400);
        assertThat(api.post(review + "/films/" + filmId + "/reviews", alice, Map.of("body", "")).status()).isEqualTo(400);
        assertThat(api.post(review + "/films/" + filmId + "/reviews", alice, Map.of("body", "x".repeat(10_001))).status())
                .isEqualTo(400);
        String mia = api.token(review, "mia", "mia");
        assertThat(api.post(review + "/films/" + filmId + "/reviews", mia, Map.of("body", "x")).status()).isEqualTo(403);
        assertThat(api.post(catalog + "/films", alice, Map.of("title", "Not an admin")).status()).isEqualTo(403);
    }

    @Test
    void aCopyOfASeedReviewByAnotherAuthorIsHeldOrRejected() {
        seedPage();
        String filmId = system.seeded().orElseThrow().filmId();
        String copied = java.util.stream.StreamSupport.stream(SeedLoader.seed().get("reviews").spliterator(), false)
                .filter(r -> r.get("username").asText().equals("ericoblair")).findFirst().orElseThrow().get("body").asText();
        String username = "copy-" + UUID.randomUUID().toString().substring(0, 8);
        api.post(review + "/accounts", null, Map.of("username", username, "displayName", "Copycat", "password", "long enough"));
        String token = api.token(review, username, "long enough");
        String id = api.post(review + "/films/" + filmId + "/reviews", token, Map.of("body", copied)).body().get("id").asText();

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(api.get(review + "/reviews/" + id, token).body().get("status").asText())
                        .as(api.get(review + "/reviews/" + id, token).body().toString()).isIn("IN_REVIEW", "REJECTED"));
        JsonNode decided = api.get(review + "/reviews/" + id, token).body();
        assertThat(decided.get("reasons").findValuesAsText("code")).contains("spam.duplicate");
        assertThat(api.get(catalog + "/films/" + filmId, null).body().toString()).doesNotContain("Copycat");
    }

    @Test
    void theSeedIsLoadedOnlyOnce() {
        SeedLoader.Result again = new SeedLoader(review, catalog).load();
        assertThat(again.alreadyThere()).isTrue();
        assertThat(again.filmId()).isEqualTo(system.seeded().orElseThrow().filmId());
    }

    /**
     * The pipeline benchmark's smoke run: every part of bench/run.sh PipelineBench for a moment against this
     * system, only to show that it runs and writes its report (the figures of so short a run mean nothing).
     */
    @Test
    void thePipelineBenchmarkRunsAgainstTheSystemAndWritesItsReport() throws Exception {
        PipelineReport report = PipelineBench.run(BenchTarget.of(system), Sizes.smoke(), "WalkingSkeletonIT's system");
        List<Path> files = report.write(Files.createTempDirectory("pipeline-smoke"));

        String markdown = Files.readString(files.get(0));
        for (String figure : List.of("(1) accepted review POSTs/s", "(2) reviews/s moderated", "(3) submit→visible p99",
                "(4) film page JSON", "(4) film page HTML", "(5) page data rebuild", "(6) moderation engine")) {
            assertThat(markdown).contains(figure);
        }
        assertThat(markdown).contains("PostgreSQL single-row 1 KB insert", "Kafka produce→consume round trip", "bare GET");
        JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(files.get(1).toFile());
        // (4) twice: the run's film and one with Sizes.smoke().largePageReviews() reviews
        assertThat(json.get("figures")).hasSize(9);
        assertThat(markdown).contains("200 reviews on the film", "## Where the time goes");
        // a moment's load proves little about the pipeline's pace, but the front door, the pages and the engine answered
        json.get("figures").forEach(figure -> {
            String name = figure.get("name").asText();
            assertThat(figure.get("value").asDouble()).as(name).isNotNegative();
            if (name.startsWith("(1)") || name.startsWith("(4)") || name.startsWith("(6)")) {
                assertThat(figure.get("value").asDouble()).as(name).isPositive();
            }
        });
        java.awt.image.BufferedImage plot = javax.imageio.ImageIO.read(files.get(2).toFile());
        assertThat(plot.getWidth()).isPositive();
    }
}
