package org.filmreviews.systemtests.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.filmreviews.devinfra.launch.ApiClient;
import org.filmreviews.devinfra.launch.LocalSystem;
import org.filmreviews.systemtests.SharedSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Hostile clients against the three running services: the access matrix of every endpoint and kind of
 * caller, and a bounded fuzzer that takes a valid request for every public endpoint
 * and spoils its path, query, headers or body ({@link Mutations}), {@code filmreviews.fuzz.requests}
 * times from a fixed seed, and counts the answers: 2,000 in the CI-sized run of {@code mvn verify},
 * 20,000 in the long form {@code bench/fuzz.sh} runs. No answer may be a 5xx, and every
 * 4xx of the JSON API must be {@code application/problem+json}. Bounded in count and time; 127.0.0.1 only.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileClientsIT {

    static final int REQUESTS = Integer.getInteger("filmreviews.fuzz.requests", 2_000);
    static final long SEED = Long.getLong("filmreviews.fuzz.seed", 20261206L);
    static final Duration AT_MOST = Duration.ofMinutes(6);

    static LocalSystem system;
    static final ApiClient api = new ApiClient();
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static Map<String, String> tokens;
    static String film;
    static String review;

    /** One endpoint with a request that is valid as it stands. */
    record Endpoint(String service, String method, String path, String auth, String body, boolean html) {
    }

    @BeforeAll
    static void start() throws Exception {
        // The shared system (WalkingSkeletonIT reads the seed film there): the fuzzer works on a film of its own.
        system = SharedSystem.get();
        String reviewService = system.url("review-service");
        String author = "fuzz-" + Long.toHexString(SEED);
        api.post(reviewService + "/accounts", null,
                Map.of("username", author, "displayName", "Fuzz", "password", "long enough"));
        tokens = Map.of(
                "reviewer", api.token(reviewService, author, "long enough"),
                "alice", api.token(reviewService, "alice", "alice"),
                "moderator", api.token(reviewService, "mia", "mia"),
                "admin", api.token(reviewService, "admin", "admin"));
        film = api.post(system.url("catalog-service") + "/films", tokens.get("admin"),
                Map.of("title", "Hostile clients' film", "synopsis", "Two friends cross a city in winter.")).body().get("id")
                .asText();
        // review-service learns of the film from catalog.film-changed.v1: its first review is taken once it has
        ApiClient.Reply first = null;
        for (int attempt = 0; attempt < 300 && (first == null || first.status() == 404); attempt++) {
            if (first != null) {
                Thread.sleep(100);
            }
            first = api.post(reviewService + "/films/" + film + "/reviews", tokens.get("reviewer"),
                    Map.of("rating", 7, "headline", "Fuzzed", "body", "A review the fuzzer edits, votes on and reports."));
        }
        assertThat(first.status()).as("the first review of the fuzzer's film").isEqualTo(202);
        review = first.body().get("id").asText();
    }

    static List<Endpoint> endpoints() {
        String reviewJson = "{\"rating\": 8, \"headline\": \"Edited\", \"body\": \"Still a fine film.\", \"spoiler\": false}";
        String filmJson = "{\"title\": \"Fuzz film\", \"originalTitle\": \"Fuzz\", \"releaseDate\": \"2001-02-03\", \"country\": \"FR\","
                + " \"runtimeMinutes\": 90, \"genres\": [\"Drama\"], \"synopsis\": \"Someone fuzzes.\","
                + " \"cast\": [{\"name\": \"An Actor\", \"character\": \"Someone\"}],"
                + " \"trailers\": [{\"title\": \"Trailer\", \"url\": \"https://example.org/t\"}]}";
        String decision = "{\"decision\": \"APPROVE_SPOILER\", \"reason\": \"spoiler\", \"note\": \"n\","
                + " \"spoilerSentences\": [{\"start\": 0, \"end\": 5}], \"version\": 1}";
        return List.of(
                new Endpoint("review-service", "POST", "/accounts", null,
                        "{\"username\": \"fz{n}\", \"displayName\": \"Fuzz\", \"password\": \"long enough\"}", false),
                new Endpoint("review-service", "POST", "/auth/token", null,
                        "{\"username\": \"alice\", \"password\": \"alice\"}", false),
                new Endpoint("review-service", "GET", "/accounts/{review}", "reviewer", null, false),
                new Endpoint("review-service", "GET", "/me", "reviewer", null, false),
                new Endpoint("review-service", "GET", "/me/reviews?limit=5", "reviewer", null, false),
                new Endpoint("review-service", "POST", "/films/{film}/reviews", "alice", reviewJson, false),
                new Endpoint("review-service", "GET", "/films/{film}/reviews?author=alice&limit=5", "moderator", null, false),
                new Endpoint("review-service", "GET", "/reviews/{review}", "reviewer", null, false),
                new Endpoint("review-service", "PUT", "/reviews/{review}", "reviewer", reviewJson, false),
                new Endpoint("review-service", "PUT", "/reviews/{review}/vote", "alice", "{\"helpful\": true}", false),
                new Endpoint("review-service", "DELETE", "/reviews/{review}/vote", "alice", null, false),
                new Endpoint("review-service", "PUT", "/reviews/{review}/report", "alice",
                        "{\"reason\": \"spoiler\", \"note\": \"n\"}", false),
                new Endpoint("review-service", "POST", "/reviews/{review}/appeal", "reviewer",
                        "{\"message\": \"Please look again.\"}", false),
                new Endpoint("catalog-service", "GET", "/films?q=mirror&limit=5", null, null, false),
                new Endpoint("catalog-service", "GET", "/films/{film}?sort=newest&limit=5", null, null, false),
                new Endpoint("catalog-service", "GET", "/films/{film}/reviews?sort=helpful&limit=5", null, null, false),
                new Endpoint("catalog-service", "GET", "/films/{film}/page?sort=newest", null, null, true),
                new Endpoint("catalog-service", "POST", "/films", "admin", filmJson, false),
                new Endpoint("catalog-service", "PUT", "/films/{film}", "admin", filmJson, false),
                new Endpoint("moderation-service", "GET", "/moderation/queue?limit=5&minSpam=0.1", "moderator", null, false),
                new Endpoint("moderation-service", "GET", "/moderation/stats?days=7", "moderator", null, false),
                new Endpoint("moderation-service", "GET", "/moderation/reasons", "moderator", null, false),
                new Endpoint("moderation-service", "GET", "/moderation/audit?reviewId={review}", "moderator", null, false),
                new Endpoint("moderation-service", "GET", "/moderation/cases/{review}", "moderator", null, false),
                new Endpoint("moderation-service", "POST", "/moderation/cases/{review}/claim", "moderator", null, false),
                new Endpoint("moderation-service", "DELETE", "/moderation/cases/{review}/claim", "moderator", null, false),
                new Endpoint("moderation-service", "POST", "/moderation/cases/{review}/decision", "moderator", decision, false),
                new Endpoint("moderation-service", "POST", "/moderation/cases/{review}/take-down", "moderator",
                        "{\"reason\": \"abuse\", \"note\": \"n\"}", false),
                new Endpoint("moderation-service", "POST", "/moderation/cases/{review}/restore", "moderator",
                        "{\"note\": \"n\"}", false),
                new Endpoint("moderation-service", "GET", "/console/queue-rows?limit=5", "moderator", null, true),
                new Endpoint("moderation-service", "GET", "/console/find?reviewId={review}", "moderator", null, true),
                // (the admin page-data checksum reads every page: it is in the access matrix, not fuzzed 600 times)
                new Endpoint("review-service", "GET", "/admin/dead-letters", "admin", null, false),
                new Endpoint("moderation-service", "GET", "/admin/outbox/parked", "admin", null, false));
    }

    @Test
    @Order(1)
    void everyCallerIsLetThroughOrRefusedExactlyAsTheAccessMatrixSays() throws Exception {
        String reviewService = system.url("review-service");
        String catalog = system.url("catalog-service");
        String author = "matrix-" + Long.toHexString(SEED);
        api.post(reviewService + "/accounts", null,
                Map.of("username", author, "displayName", "Matrix", "password", "long enough"));
        Map<String, String> callers = new java.util.LinkedHashMap<>();
        callers.put("anonymous", null);
        callers.put("author", api.token(reviewService, author, "long enough"));
        callers.put("reviewer", api.token(reviewService, "bob", "bob"));
        callers.put("moderator", tokens.get("moderator"));
        callers.put("admin", tokens.get("admin"));
        String authorId = api.get(reviewService + "/me", callers.get("author")).body().get("id").asText();
        String r = api.post(reviewService + "/films/" + film + "/reviews", callers.get("author"),
                Map.of("rating", 6, "body", "A calm and honest film about two friends.")).body().get("id").asText();
        String otherFilm = api.post(catalog + "/films", tokens.get("admin"), Map.of("title", "Matrix film")).body().get("id")
                .asText();
        String[] r2 = new String[1];
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            ApiClient.Reply posted = api.post(reviewService + "/films/" + otherFilm + "/reviews", callers.get("author"),
                    Map.of("body", "Another calm review."));
            r2[0] = posted.status() == 202 ? posted.body().get("id").asText() : null;
            return r2[0] != null;
        });
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> "PUBLISHED"
                .equals(api.get(reviewService + "/reviews/" + r, callers.get("author")).body().path("status").asText()));
        Map<String, String> values = AccessMatrix.placeholders(film, r, r2[0], authorId,
                java.util.UUID.randomUUID().toString());

        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (AccessMatrix.Row row : AccessMatrix.ROWS) {
            String path = row.path();
            for (Map.Entry<String, String> value : values.entrySet()) {
                path = path.replace(value.getKey(), value.getValue());
            }
            for (int c = 0; c < AccessMatrix.CALLERS.size(); c++) {
                String caller = AccessMatrix.CALLERS.get(c);
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(system.url(row.service()) + path))
                        .timeout(Duration.ofSeconds(30));
                String body = row.body();
                if (body != null && body.contains("|If-Match: ")) {
                    request.header("If-Match", body.substring(body.indexOf("|If-Match: ") + 11));
                    body = body.substring(0, body.indexOf("|If-Match: "));
                }
                if (callers.get(caller) != null) {
                    request.header("Authorization", "Bearer " + callers.get(caller));
                }
                if (body != null) {
                    request.header("Content-Type", "application/json");
                }
                request.method(row.method(),
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                String expected = row.expected().get(c);
                boolean right = AccessMatrix.OK.equals(expected) ? status != 401 && status != 403 && status < 500
                        : Integer.toString(status).equals(expected);
                checked++;
                if (!right) {
                    wrong.add(row.service() + " " + row.method() + " " + row.path() + " as " + caller + ": expected " + expected
                            + ", got " + status + " " + excerpt(response.body()));
                }
            }
        }
        System.out.println("[access] " + checked + " cells checked (" + AccessMatrix.ROWS.size() + " endpoints x "
                + AccessMatrix.CALLERS.size() + " callers), " + wrong.size() + " wrong");
        wrong.forEach(w -> System.out.println("[access]   " + w));
        assertThat(checked).isEqualTo(AccessMatrix.cells());
        assertThat(wrong).isEmpty();
    }

    @Test
    @Order(2)
    void aChunkedBodyOfUnknownLengthIsRefusedBeforeItIsReadWithAProblem() throws Exception {
        byte[] megabyte = ("{\"body\": \"" + "z".repeat(1_000_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        for (String service : List.of("review-service", "catalog-service", "moderation-service")) {
            String path = switch (service) {
                case "review-service" -> "/films/" + film + "/reviews";
                case "catalog-service" -> "/films";
                default -> "/moderation/cases/" + review + "/decision";
            };
            String token = tokens.get(
                    service.equals("review-service") ? "alice" : service.equals("catalog-service") ? "admin" : "moderator");
            HttpRequest request = HttpRequest.newBuilder(URI.create(system.url(service) + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    // an InputStream of unknown length: sent chunked, with no Content-Length to refuse it by
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(megabyte))).build();
            // Transfer-Encoding: chunked is HTTP/1.1's; a fresh client, so that no HTTP/2 connection is reused
            HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(service + ": " + response.body()).isEqualTo(411);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(service)
                    .startsWith("application/problem+json");
        }
    }

    @Test
    @Order(3)
    void thousandsOfSpoiledRequestsGetNoServerErrorAndEveryRefusalIsAProblem() throws Exception {
        List<Endpoint> endpoints = endpoints();
        AtomicInteger tried = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger unsendable = new AtomicInteger();
        Map<String, Integer> serverErrors = new ConcurrentHashMap<>();
        Map<String, Integer> notProblems = new ConcurrentHashMap<>();
        List<String> examples = Collections.synchronizedList(new ArrayList<>());
        long deadline = System.nanoTime() + AT_MOST.toNanos();
        ExecutorService workers = Executors.newFixedThreadPool(8);
        for (int w = 0; w < 8; w++) {
            int worker = w;
            workers.submit(() -> {
                Random random = new Random(SEED + worker);
                for (int i = worker; i < REQUESTS && System.nanoTime() < deadline; i += 8) {
                    Endpoint endpoint = pick(random, endpoints);
                    HttpRequest request;
                    try {
                        request = spoil(random, endpoint, i);
                    } catch (RuntimeException e) {
                        unsendable.incrementAndGet(); // a header or address the client library itself will not send
                        i -= 8;
                        continue;
                    }
                    HttpResponse<String> response;
                    try {
                        response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    } catch (java.io.IOException e) {
                        record(notProblems, examples, endpoint, "connection: " + e.getMessage(), request);
                        tried.incrementAndGet();
                        continue;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (RuntimeException e) {
                        unsendable.incrementAndGet();
                        i -= 8;
                        continue;
                    }
                    tried.incrementAndGet();
                    int status = response.statusCode();
                    if (status >= 500) {
                        record(serverErrors, examples, endpoint, status + " " + excerpt(response.body()), request);
                    } else if (status >= 400) {
                        refused.incrementAndGet();
                        String type = response.headers().firstValue("Content-Type").orElse("");
                        if (!endpoint.html() && !type.startsWith("application/problem+json")) {
                            record(notProblems, examples, endpoint, status + " " + type, request);
                        }
                    }
                }
            });
        }
        workers.shutdown();
        assertThat(workers.awaitTermination(AT_MOST.toSeconds() + 60, TimeUnit.SECONDS)).isTrue();

        String report = "fuzzed " + tried.get() + " requests over " + endpoints.size() + " endpoints (seed " + SEED + "): "
                + refused.get() + " refused with 4xx, " + serverErrors.values().stream().mapToInt(i -> i).sum() + " 5xx, "
                + notProblems.values().stream().mapToInt(i -> i).sum() + " errors without problem+json (" + unsendable.get()
                + " mutations the HTTP client would not send were drawn again)";
        System.out.println("[fuzz] " + report);
        serverErrors.forEach((key, count) -> System.out.println("[fuzz]   5xx " + count + " x " + key));
        notProblems.forEach((key, count) -> System.out.println("[fuzz]   not a problem " + count + " x " + key));
        examples.stream().limit(20).forEach(e -> System.out.println("[fuzz]   " + e));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "fuzz-report.txt"), report + "\n" + String.join("\n", examples) + "\n");
        assertThat(tried.get()).as("requests tried within " + AT_MOST).isEqualTo(REQUESTS);
        assertThat(serverErrors).as("5xx answers by endpoint").isEmpty();
        assertThat(notProblems).as("4xx answers without problem+json, or dropped connections, by endpoint").isEmpty();
    }

    /**
     * Any endpoint, each as likely as the others but sign-up and sign-in, a fifth as likely: each of their valid
     * requests costs a bcrypt hash, which would make them most of the run's time.
     */
    private static Endpoint pick(Random random, List<Endpoint> endpoints) {
        while (true) {
            Endpoint endpoint = endpoints.get(random.nextInt(endpoints.size()));
            boolean hashes = endpoint.path().equals("/accounts") || endpoint.path().equals("/auth/token");
            if (!hashes || random.nextInt(5) == 0) {
                return endpoint;
            }
        }
    }

    private static HttpRequest spoil(Random random, Endpoint endpoint, int n) {
        String path = endpoint.path().replace("{n}", Integer.toString(n));
        String body = endpoint.body() == null ? null : endpoint.body().replace("{n}", Integer.toString(n));
        String filmId = film;
        String reviewId = review;
        String auth = endpoint.auth() == null ? null : "Bearer " + tokens.get(endpoint.auth());
        String contentType = body == null ? null : "application/json";
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        switch (random.nextInt(10)) {
            case 0 -> filmId = Mutations.anyId(random, film);
            case 1 -> reviewId = Mutations.anyId(random, review);
            case 2 -> path = withQuery(path, random.nextBoolean() ? "limit" : random.nextBoolean() ? "cursor"
                    : List.of("sort", "q", "author", "minSpam", "appeal", "days", "reviewId", "filmId").get(random.nextInt(8)),
                    Mutations.anyQueryValue(random));
            case 3 -> auth = switch (random.nextInt(5)) {
                case 0 -> null;
                case 1 -> "Bearer " + Mutations.anyText(random).replaceAll("[\\r\\n]", "");
                case 2 -> "Basic YWxpY2U6YWxpY2U=";
                case 3 -> "Bearer " + tokens.get(List.of("reviewer", "alice", "moderator", "admin").get(random.nextInt(4)));
                default -> "Bearer " + tokens.get("alice").substring(0, tokens.get("alice").length() - 3) + "abc";
            };
            case 4 -> contentType = List.of("text/plain", "application/xml", "application/json; charset=ISO-8859-1",
                    "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "*/*", "application/json;;;")
                    .get(random.nextInt(7));
            case 5 -> headers.put(
                    List.of("Idempotency-Key", "If-Match", "Accept", "Accept-Language", "X-Forwarded-For")
                            .get(random.nextInt(5)),
                    Mutations.anyText(random).replaceAll("[\\r\\n\\u0000]", "").replaceAll("[^\\x20-\\x7e]", "?"));
            default -> {
                if (bytes != null) {
                    bytes = Mutations.spoil(random, body);
                } else {
                    path = withQuery(path, "x" + random.nextInt(3), Mutations.anyQueryValue(random));
                }
            }
        }
        path = path.replace("{film}", filmId).replace("{review}", reviewId);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(system.url(endpoint.service()) + path))
                .timeout(Duration.ofSeconds(20));
        if (auth != null) {
            request.header("Authorization", auth);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        request.method(endpoint.method(),
                bytes == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes));
        return request.build();
    }

    private static String withQuery(String path, String name, String value) {
        return path + (path.contains("?") ? "&" : "?") + name + "=" + value;
    }

    private static void record(Map<String, Integer> counts, List<String> examples, Endpoint endpoint, String what,
            HttpRequest request) {
        String kind = what.replaceAll("/127\\.0\\.0\\.1:[0-9]+: ", "");
        String key = endpoint.method() + " " + endpoint.path() + " -> " + kind.substring(0, Math.min(60, kind.length()));
        counts.merge(key, 1, Integer::sum);
        if (examples.size() < 200) {
            examples.add(what + " <- " + request.method() + " " + abbreviate(request.uri().toString()) + " "
                    + request.headers().map());
        }
    }

    private static String excerpt(String body) {
        return abbreviate(body == null ? "" : body.replaceAll("\\s+", " "));
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
