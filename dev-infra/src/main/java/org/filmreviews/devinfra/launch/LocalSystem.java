package org.filmreviews.devinfra.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.filmreviews.devinfra.kafka.KafkaServerProcess;
import org.filmreviews.devinfra.keys.JwtKeys;
import org.filmreviews.devinfra.postgres.EmbeddedPostgresServer;
import org.filmreviews.devinfra.postgres.ExternalPostgresServer;
import org.filmreviews.devinfra.postgres.PostgresServer;

/**
 * The whole system on one machine: PostgreSQL and Kafka (embedded, from Maven artifacts, unless URLs
 * are given), the three packaged services, and the seed film. Used by {@code ./run.sh} and by the
 * system tests, so that what the tests check is what people run.
 */
public final class LocalSystem implements AutoCloseable {

    public static final List<String> SERVICES = List.of("review-service", "moderation-service", "catalog-service");
    private static final Map<String, String> DATABASES = Map.of(
            "review-service", "reviews", "moderation-service", "moderation", "catalog-service", "catalog");

    /** Where and how to run. */
    public record Options(
            Path projectDirectory,
            Path runDirectory,
            boolean fresh,
            boolean seed,
            int kafkaPort,
            int kafkaControllerPort,
            int postgresPort,
            Map<String, Integer> servicePorts,
            Optional<String> externalKafka,
            Optional<PostgresServer> externalPostgres,
            boolean temporary) {

        /** The defaults of design.md: 8081-8083, Kafka on 9092, PostgreSQL on 15432, data under .run/. */
        public static Options defaults(Path projectDirectory) {
            return new Options(projectDirectory, projectDirectory.resolve(".run"), false, true, 9092, 9093, 15432,
                    Map.of("review-service", 8081, "moderation-service", 8082, "catalog-service", 8083),
                    Optional.ofNullable(System.getenv("KAFKA_BOOTSTRAP_SERVERS")).filter(s -> !s.isBlank()),
                    ExternalPostgresServer.fromEnvironment(), false);
        }

        /**
         * Everything embedded, on free ports, data in a directory of its own: beside a running ./run.sh.
         * The servers' data is deleted on close; the logs stay for a look after a failed test.
         */
        public static Options isolated(Path projectDirectory, Path runDirectory) {
            return new Options(projectDirectory, runDirectory, true, true, Ports.free(), Ports.free(), Ports.free(),
                    Map.of("review-service", Ports.free(), "moderation-service", Ports.free(), "catalog-service", Ports.free()),
                    Optional.empty(), Optional.empty(), true);
        }

        public Options withFresh(boolean value) {
            return new Options(projectDirectory, runDirectory, value, seed, kafkaPort, kafkaControllerPort, postgresPort,
                    servicePorts, externalKafka, externalPostgres, temporary);
        }

        public Options withSeed(boolean value) {
            return new Options(projectDirectory, runDirectory, fresh, value, kafkaPort, kafkaControllerPort, postgresPort,
                    servicePorts, externalKafka, externalPostgres, temporary);
        }
    }

    private final Options options;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private PostgresServer postgres;
    private String kafkaBootstrap;
    private Optional<SeedLoader.Result> seeded = Optional.empty();

    private LocalSystem(Options options) {
        this.options = options;
    }

    public static LocalSystem start(Options options) {
        LocalSystem system = new LocalSystem(options);
        try {
            system.startAll();
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    private void startAll() {
        Path run = options.runDirectory();
        createDirectories(run.resolve("logs"));
        if (options.fresh()) {
            Directories.deleteRecursively(run.resolve("postgres"));
            Directories.deleteRecursively(run.resolve("kafka"));
        }
        JwtKeys keys = JwtKeys.ensure(run.resolve("keys"));

        log(options.externalPostgres().map(pg -> "Using PostgreSQL at " + pg.jdbcUrl("postgres")).orElse("Starting PostgreSQL…"));
        postgres = options.externalPostgres().orElseGet(() ->
                EmbeddedPostgresServer.startPersistent(run.resolve("postgres"), options.postgresPort()));
        started.add(postgres);
        for (String database : DATABASES.values()) {
            if (options.fresh() && options.externalPostgres().isPresent()) {
                postgres.recreateDatabase(database);
            } else {
                postgres.ensureDatabase(database);
            }
        }

        if (options.externalKafka().isPresent()) {
            kafkaBootstrap = options.externalKafka().get();
            log("Using Kafka at " + kafkaBootstrap);
            if (options.fresh()) {
                ExternalKafka.forgetEverything(kafkaBootstrap, SERVICES);
            }
        } else {
            log("Starting Kafka…");
            KafkaServerProcess kafka = KafkaServerProcess.start(run.resolve("kafka"), options.kafkaPort(),
                    options.kafkaControllerPort(), run.resolve("logs").resolve("kafka.log"));
            started.add(kafka);
            kafkaBootstrap = kafka.bootstrapServers();
        }

        log("Starting the services…");
        for (String service : SERVICES) {
            Map<String, String> env = new LinkedHashMap<>(ServiceEnvironment.of(postgres, DATABASES.get(service), kafkaBootstrap,
                    keys, service.equals("review-service")));
            env.put("QUARKUS_PROFILE", "local");
            env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
            if (service.equals("moderation-service")) {
                // The console signs moderators in through review-service's token endpoint.
                env.put("FILMREVIEWS_REVIEW_SERVICE_URL", "http://127.0.0.1:" + options.servicePorts().get("review-service"));
            }
            Path jar = options.projectDirectory().resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
            ServiceProcess process = ServiceProcess.start(service, jar, options.servicePorts().get(service), env, run);
            started.add(process);
            services.put(service, process);
        }
        for (ServiceProcess service : services.values()) {
            service.awaitReady(Duration.ofSeconds(120));
            log(service.name() + " ready at " + service.url());
        }

        if (options.seed()) {
            seeded = Optional.of(new SeedLoader(url("review-service"), url("catalog-service")).load());
        }
    }

    public String url(String service) {
        return services.get(service).url();
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrap;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public Optional<SeedLoader.Result> seeded() {
        return seeded;
    }

    public Map<String, ServiceProcess> services() {
        return services;
    }

    /** Stops everything this system started: the services together, then the servers in reverse order. */
    @Override
    public void close() {
        services.values().parallelStream().forEach(service -> {
            try {
                service.close();
            } catch (RuntimeException e) {
                log("Could not stop " + service.name() + " cleanly: " + e.getMessage());
            }
        });
        started.removeAll(services.values());
        services.clear();
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                log("Could not stop cleanly: " + e.getMessage());
            }
        }
        started.clear();
        if (options.temporary()) {
            Directories.deleteRecursively(options.runDirectory().resolve("postgres"));
            Directories.deleteRecursively(options.runDirectory().resolve("kafka"));
        }
    }

    static void log(String message) {
        System.out.println("[film-reviews] " + message);
    }

    private static void createDirectories(Path path) {
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
