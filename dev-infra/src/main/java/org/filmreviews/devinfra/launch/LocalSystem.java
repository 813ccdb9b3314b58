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
            boolean temporary,
            Map<String, String> environment) {

        /** The defaults of design.md: 8081-8083, Kafka on 9092, PostgreSQL on 15432, data under .run/. */
        public static Options defaults(Path projectDirectory) {
            return new Options(projectDirectory, projectDirectory.resolve(".run"), false, true, 9092, 9093, 15432,
                    Map.of("review-service", 8081, "moderation-service", 8082, "catalog-service", 8083),
                    Optional.ofNullable(System.getenv("KAFKA_BOOTSTRAP_SERVERS")).filter(s -> !s.isBlank()),
                    ExternalPostgresServer.fromEnvironment(), false, Map.of());
        }

        /**
         * The address and sign-in throttles lifted, since every test client signs up and signs in from 127.0.0.1 far
         * more often than one person would, and tokens that outlive a long fault run (2 h, not 15 min). A test of
         * the throttles sets its own limits with {@link #withEnvironment}.
         */
        static final Map<String, String> FOR_TEST_CLIENTS = Map.of(
                "FILMREVIEWS_AUTH_TOKEN_LIFETIME", "2h",
                "FILMREVIEWS_THROTTLE_SIGN_IN_PER_ADDRESS_MAX", "1000000",
                "FILMREVIEWS_THROTTLE_SIGN_IN_FAILURES_PER_ACCOUNT_MAX", "1000000",
                "FILMREVIEWS_THROTTLE_SIGN_UP_PER_ADDRESS_MAX", "1000000",
                "FILMREVIEWS_THROTTLE_VOTES_PER_ADDRESS_MAX", "1000000",
                "FILMREVIEWS_THROTTLE_VOTES_PER_ACCOUNT_MAX", "1000000",
                "FILMREVIEWS_THROTTLE_CONSOLE_SIGN_IN_PER_ADDRESS_MAX", "1000000");

        /**
         * Everything embedded, on free ports, data in a directory of its own: beside a running ./run.sh.
         * The servers' data is deleted on close; the logs stay for a look after a failed test.
         */
        public static Options isolated(Path projectDirectory, Path runDirectory) {
            return new Options(projectDirectory, runDirectory, true, true, Ports.free(), Ports.free(), Ports.free(),
                    Map.of("review-service", Ports.free(), "moderation-service", Ports.free(), "catalog-service", Ports.free()),
                    Optional.empty(), Optional.empty(), true, FOR_TEST_CLIENTS);
        }

        public Options withFresh(boolean value) {
            return new Options(projectDirectory, runDirectory, value, seed, kafkaPort, kafkaControllerPort, postgresPort,
                    servicePorts, externalKafka, externalPostgres, temporary, environment);
        }

        public Options withSeed(boolean value) {
            return new Options(projectDirectory, runDirectory, fresh, value, kafkaPort, kafkaControllerPort, postgresPort,
                    servicePorts, externalKafka, externalPostgres, temporary, environment);
        }

        /** Adds to (and overrides entries of) the services' environment. */
        public Options withEnvironment(Map<String, String> value) {
            Map<String, String> merged = new java.util.HashMap<>(environment);
            merged.putAll(value);
            return new Options(projectDirectory, runDirectory, fresh, seed, kafkaPort, kafkaControllerPort, postgresPort,
                    servicePorts, externalKafka, externalPostgres, temporary, Map.copyOf(merged));
        }
    }

    private final Options options;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> serviceEnvironments = new LinkedHashMap<>();
    private PostgresServer postgres;
    private KafkaServerProcess kafka;
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
            kafka = startKafkaProcess();
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
            env.putAll(options.environment());
            serviceEnvironments.put(service, env);
            services.put(service, startService(service));
        }
        for (ServiceProcess service : services.values()) {
            service.awaitReady(Duration.ofSeconds(120));
            log(service.name() + " ready at " + service.url() + " (health, metrics, OpenAPI: " + service.managementUrl() + "/q)");
        }

        if (options.seed()) {
            seeded = Optional.of(new SeedLoader(url("review-service"), url("catalog-service")).load());
        }
    }

    private ServiceProcess startService(String service) {
        Path jar = options.projectDirectory().resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        return ServiceProcess.start(service, jar, options.servicePorts().get(service), serviceEnvironments.get(service),
                options.runDirectory());
    }

    private KafkaServerProcess startKafkaProcess() {
        Path run = options.runDirectory();
        return KafkaServerProcess.start(run.resolve("kafka"), options.kafkaPort(), options.kafkaControllerPort(),
                run.resolve("logs").resolve("kafka.log"));
    }

    public String url(String service) {
        return services.get(service).url();
    }

    /** The service's management interface: {@code /q/health/...}, {@code /q/metrics}, {@code /q/openapi}. */
    public String managementUrl(String service) {
        return services.get(service).managementUrl();
    }

    /** The database a service keeps its data in. */
    public static String databaseOf(String service) {
        return DATABASES.get(service);
    }

    /** Stops the embedded broker (SIGTERM), as an outage or a broker restart does. */
    public void stopKafka() {
        if (kafka == null) {
            throw new IllegalStateException("Only the embedded broker can be stopped");
        }
        kafka.close();
        kafka = null;
    }

    /** Starts the embedded broker again, on the same port with the same data. */
    public void startKafka() {
        if (kafka != null) {
            throw new IllegalStateException("The broker runs");
        }
        kafka = startKafkaProcess();
    }

    /** Kills a service where it stands (SIGKILL), as a crash or an out-of-memory kill does. */
    public void crash(String service) {
        services.get(service).crash();
    }

    /** Starts a crashed or stopped service again with the same configuration, and waits until it is ready. */
    public void restart(String service) {
        restart(service, Map.of());
    }

    /** Stops a service cleanly (SIGTERM). */
    public void stop(String service) {
        services.get(service).close();
    }

    /** Stops every service cleanly, all at once. */
    public void stopServices() {
        services.values().parallelStream().forEach(ServiceProcess::close);
    }

    /**
     * Starts every stopped service again, each with its {@code changes} added to its environment from now on, all at
     * once, and waits until all are ready.
     */
    public void startServices(Map<String, Map<String, String>> changes) {
        for (String service : SERVICES) {
            serviceEnvironments.get(service).putAll(changes.getOrDefault(service, Map.of()));
            if (!services.get(service).isAlive()) {
                services.put(service, startService(service));
            }
        }
        for (String service : SERVICES) {
            services.get(service).awaitReady(Duration.ofSeconds(120));
        }
    }

    /**
     * Starts a crashed or stopped service again, with {@code changes} added to its environment from now
     * on (a new consumer group, say), and waits until it is ready.
     */
    public void restart(String service, Map<String, String> changes) {
        serviceEnvironments.get(service).putAll(changes);
        ServiceProcess old = services.get(service);
        if (old.isAlive()) {
            old.close();
        }
        ServiceProcess process = startService(service);
        services.put(service, process);
        process.awaitReady(Duration.ofSeconds(120));
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
        services.clear();
        if (kafka != null) {
            try {
                kafka.close();
            } catch (RuntimeException e) {
                log("Could not stop Kafka cleanly: " + e.getMessage());
            }
            kafka = null;
        }
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
