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
import java.util.SortedMap;
import java.util.TreeMap;

import org.filmreviews.devinfra.kafka.KafkaProcessCluster;
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

    /**
     * Where and how to run. {@code instances} of each service and {@code brokers} Kafka nodes (both from 1); with
     * {@code freePorts}, instances from 2 on and broker nodes from 2 on take free ports, otherwise fixed steps from the
     * configured ones (see {@link #servicePort}).
     */
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
            Map<String, String> environment,
            int instances,
            int brokers,
            boolean freePorts) {

        /** Ports between the API ports of one instance and the next ({@code 8081}, {@code 8181}, {@code 8281}, …). */
        public static final int INSTANCE_PORT_STEP = 100;

        public Options {
            if (instances < 1) {
                throw new IllegalArgumentException("instances must be at least 1, not " + instances);
            }
            if (brokers < 1) {
                throw new IllegalArgumentException("brokers must be at least 1, not " + brokers);
            }
        }

        /**
         * The defaults of design.md: 8081-8083, Kafka on 9092, PostgreSQL on 15432, data under .run/; one instance of
         * each service and one broker.
         */
        public static Options defaults(Path projectDirectory) {
            return new Options(projectDirectory, projectDirectory.resolve(".run"), false, true, 9092, 9093, 15432,
                    Map.of("review-service", 8081, "moderation-service", 8082, "catalog-service", 8083),
                    Optional.ofNullable(System.getenv("KAFKA_BOOTSTRAP_SERVERS")).filter(s -> !s.isBlank()),
                    ExternalPostgresServer.fromEnvironment(), false, Map.of(), 1, 1, false);
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
                    Optional.empty(), Optional.empty(), true, FOR_TEST_CLIENTS, 1, 1, true);
        }

        public Options withFresh(boolean value) {
            return new Options(projectDirectory, runDirectory, value, seed, kafkaPort, kafkaControllerPort, postgresPort,
                    servicePorts, externalKafka, externalPostgres, temporary, environment, instances, brokers, freePorts);
        }

        public Options withSeed(boolean value) {
            return new Options(projectDirectory, runDirectory, fresh, value, kafkaPort, kafkaControllerPort, postgresPort,
                    servicePorts, externalKafka, externalPostgres, temporary, environment, instances, brokers, freePorts);
        }

        /** How many instances of each service to start: all in the same consumer groups, on the same databases. */
        public Options withInstances(int value) {
            return new Options(projectDirectory, runDirectory, fresh, seed, kafkaPort, kafkaControllerPort, postgresPort,
                    servicePorts, externalKafka, externalPostgres, temporary, environment, value, brokers, freePorts);
        }

        /**
         * How many Kafka nodes to start as one cluster (3 to survive losing one); from 2 on the services create their
         * topics with {@code min(3, brokers)} copies of which {@code min(2, brokers)} must hold a record.
         */
        public Options withBrokers(int value) {
            return new Options(projectDirectory, runDirectory, fresh, seed, kafkaPort, kafkaControllerPort, postgresPort,
                    servicePorts, externalKafka, externalPostgres, temporary, environment, instances, value, freePorts);
        }

        /** Adds to (and overrides entries of) the services' environment. */
        public Options withEnvironment(Map<String, String> value) {
            Map<String, String> merged = new java.util.HashMap<>(environment);
            merged.putAll(value);
            return new Options(projectDirectory, runDirectory, fresh, seed, kafkaPort, kafkaControllerPort, postgresPort,
                    servicePorts, externalKafka, externalPostgres, temporary, Map.copyOf(merged), instances, brokers, freePorts);
        }

        /**
         * The API port of an instance of a service: the configured one for instance 1; for instance {@code i} the
         * configured one plus {@code 100 * (i - 1)} (8181, 8281, … for review-service, whose management ports 9181,
         * 9281, … stay clear of the brokers' 9092-9097), or a free port in an {@link #isolated} run.
         */
        public int servicePort(String service, int instance) {
            int first = servicePorts.get(service);
            if (instance == 1) {
                return first;
            }
            return freePorts ? Ports.free() : first + INSTANCE_PORT_STEP * (instance - 1);
        }

        /** The client and controller ports of Kafka node {@code node}: 9092/9093, 9094/9095, 9096/9097, … */
        int[] kafkaPorts(int node) {
            if (node == 1) {
                return new int[] {kafkaPort, kafkaControllerPort};
            }
            return freePorts ? new int[] {Ports.free(), Ports.free()}
                    : new int[] {kafkaPort + 2 * (node - 1), kafkaControllerPort + 2 * (node - 1)};
        }
    }

    private final Options options;
    private final List<AutoCloseable> started = new ArrayList<>();
    /** Instance 1 of each service, as {@link #services()} has always shown them. */
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    /** Instances 2 and up, by service and number; stopped and killed ones stay until started again. */
    private final Map<String, SortedMap<Integer, ServiceProcess>> moreInstances = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> serviceEnvironments = new LinkedHashMap<>();
    private PostgresServer postgres;
    private KafkaProcessCluster kafka;
    private String kafkaBootstrap;
    private Optional<SeedLoader.Result> seeded = Optional.empty();
    private final Progress progress = new Progress();

    private LocalSystem(Options options) {
        this.options = options;
        for (String service : SERVICES) {
            moreInstances.put(service, new TreeMap<>());
        }
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
        if (options.externalKafka().isPresent() && options.brokers() > 1) {
            throw new IllegalArgumentException("Several brokers are started only without KAFKA_BOOTSTRAP_SERVERS; "
                    + "the broker at " + options.externalKafka().get() + " is used as it is");
        }
        Path run = options.runDirectory();
        createDirectories(run.resolve("logs"));
        if (options.fresh()) {
            Directories.deleteRecursively(run.resolve("postgres"));
            Directories.deleteRecursively(run.resolve("kafka"));
        } else if (options.externalKafka().isEmpty()) {
            requireSameBrokerCount(run.resolve("kafka"));
        }
        JwtKeys keys = JwtKeys.ensure(run.resolve("keys"));

        long step = progress.mark();
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
        log("PostgreSQL ready " + progress.since(step));

        step = progress.mark();
        if (options.externalKafka().isPresent()) {
            kafkaBootstrap = options.externalKafka().get();
            log("Using Kafka at " + kafkaBootstrap);
            if (options.fresh()) {
                ExternalKafka.forgetEverything(kafkaBootstrap, SERVICES);
            }
        } else {
            log(options.brokers() == 1 ? "Starting Kafka…" : "Starting Kafka, " + options.brokers() + " brokers…");
            kafka = KafkaProcessCluster.start(kafkaNodes());
            kafkaBootstrap = kafka.bootstrapServers();
            writeBrokerCount(run.resolve("kafka"));
        }
        log("Kafka ready at " + kafkaBootstrap + " " + progress.since(step));

        log(options.instances() == 1 ? "Starting the services…" : "Starting the services, " + options.instances() + " instances each…");
        for (String service : SERVICES) {
            Map<String, String> env = new LinkedHashMap<>(ServiceEnvironment.of(postgres, DATABASES.get(service), kafkaBootstrap,
                    keys, service.equals("review-service")));
            env.put("QUARKUS_PROFILE", "local");
            env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
            if (service.equals("moderation-service")) {
                // The console signs moderators in through review-service's token endpoint (instance 1's).
                env.put("FILMREVIEWS_REVIEW_SERVICE_URL", "http://127.0.0.1:" + options.servicePorts().get("review-service"));
            }
            if (options.brokers() > 1) {
                // FILMREVIEWS_TOPICS_*: TopicsConfig (filmreviews.topics.replication-factor, .min-insync-replicas)
                env.put("FILMREVIEWS_TOPICS_REPLICATION_FACTOR", Integer.toString(Math.min(3, options.brokers())));
                env.put("FILMREVIEWS_TOPICS_MIN_INSYNC_REPLICAS", Integer.toString(Math.min(2, options.brokers())));
            }
            env.putAll(options.environment());
            ServiceEnvironment.chooseTracing(env);
            serviceEnvironments.put(service, env);
        }
        // Instance 1 of each first: it creates the topics and migrates the database before the others join its groups.
        for (int instance = 1; instance <= options.instances(); instance++) {
            long launched = progress.mark();
            List<ServiceProcess> starting = new ArrayList<>();
            for (String service : SERVICES) {
                ServiceProcess process = launchInstance(service, instance, options.servicePort(service, instance));
                put(service, instance, process);
                starting.add(process);
            }
            // Awaited side by side, so that each is reported as it comes up.
            ManagedProcess.allAtOnce(starting, service -> {
                service.awaitReady(Duration.ofSeconds(120));
                log(service.label() + " ready at " + service.url() + ", health, metrics and OpenAPI at " + service.managementUrl()
                        + "/q " + progress.since(launched));
            });
            if (instance == 1 && options.instances() > 1) {
                log("Starting the further instances…");
            }
        }

        if (options.seed()) {
            step = progress.mark();
            seeded = Optional.of(new SeedLoader(url("review-service"), url("catalog-service")).load());
            log((seeded.get().alreadyThere() ? "Seed film already there " : "Seed film loaded ") + progress.since(step));
        }
    }

    /** Broker data of a cluster of one size does not start a cluster of another: the quorum's voters differ. */
    private void requireSameBrokerCount(Path kafkaDirectory) {
        Path marker = kafkaDirectory.resolve("brokers");
        int before;
        try {
            if (Files.exists(marker)) {
                before = Integer.parseInt(Files.readString(marker).trim());
            } else if (Files.exists(kafkaDirectory.resolve("data"))) {
                before = 1; // written before clusters of several existed
            } else {
                return;
            }
        } catch (IOException | NumberFormatException e) {
            return;
        }
        if (before != options.brokers()) {
            throw new IllegalStateException("The Kafka data in " + kafkaDirectory + " is of " + before + " broker(s), not "
                    + options.brokers() + ": start with --fresh to begin again with " + options.brokers()
                    + " (the databases too, so that they agree with the topics), or with --brokers " + before);
        }
    }

    private void writeBrokerCount(Path kafkaDirectory) {
        try {
            Files.writeString(kafkaDirectory.resolve("brokers"), Integer.toString(options.brokers()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One broker in .run/kafka as always; several in .run/kafka/node-1, node-2, …, logging to logs/kafka-1.log, … */
    private List<KafkaServerProcess.NodeSpec> kafkaNodes() {
        Path run = options.runDirectory();
        if (options.brokers() == 1) {
            return List.of(new KafkaServerProcess.NodeSpec(1, run.resolve("kafka"), options.kafkaPort(), options.kafkaControllerPort(),
                    run.resolve("logs").resolve("kafka.log")));
        }
        List<KafkaServerProcess.NodeSpec> nodes = new ArrayList<>();
        for (int node = 1; node <= options.brokers(); node++) {
            int[] ports = options.kafkaPorts(node);
            nodes.add(new KafkaServerProcess.NodeSpec(node, run.resolve("kafka").resolve("node-" + node), ports[0], ports[1],
                    run.resolve("logs").resolve("kafka-" + node + ".log")));
        }
        return nodes;
    }

    private ServiceProcess launchInstance(String service, int instance, int port) {
        Path jar = options.projectDirectory().resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        return ServiceProcess.start(service, instance, jar, port, serviceEnvironments.get(service), options.runDirectory());
    }

    /** Starts an instance again on the port it had, or a new one on its own port. */
    private ServiceProcess launchInstance(String service, int instance) {
        ServiceProcess before = find(service, instance);
        return launchInstance(service, instance, before != null ? before.port() : options.servicePort(service, instance));
    }

    private ServiceProcess find(String service, int instance) {
        requireService(service);
        return instance == 1 ? services.get(service) : moreInstances.get(service).get(instance);
    }

    private void put(String service, int instance, ServiceProcess process) {
        if (instance == 1) {
            services.put(service, process);
        } else {
            moreInstances.get(service).put(instance, process);
        }
    }

    /** Every instance of every service, running or not. */
    private List<ServiceProcess> allInstances() {
        List<ServiceProcess> all = new ArrayList<>(services.values());
        moreInstances.values().forEach(instances -> all.addAll(instances.values()));
        return all;
    }

    private static void requireService(String service) {
        if (!SERVICES.contains(service)) {
            throw new IllegalArgumentException("No service " + service + "; the services are " + SERVICES);
        }
    }

    /** Instance 1 of the service. */
    public String url(String service) {
        return services.get(service).url();
    }

    /** The service's management interface: {@code /q/health/...}, {@code /q/metrics}, {@code /q/openapi}. */
    public String managementUrl(String service) {
        return services.get(service).managementUrl();
    }

    /** An instance of the service (from 1). */
    public String url(String service, int instance) {
        return instance(service, instance).url();
    }

    /** The management interface of an instance of the service (from 1). */
    public String managementUrl(String service, int instance) {
        return instance(service, instance).managementUrl();
    }

    /** The numbers of the service's instances this system has started (running now or stopped), in order. */
    public List<Integer> instances(String service) {
        requireService(service);
        List<Integer> numbers = new ArrayList<>();
        if (services.containsKey(service)) {
            numbers.add(1);
        }
        numbers.addAll(moreInstances.get(service).keySet());
        return numbers;
    }

    /** The process of an instance of the service (from 1), running or not. */
    public ServiceProcess instance(String service, int instance) {
        ServiceProcess process = find(service, instance);
        if (process == null) {
            throw new IllegalArgumentException(service + " has no instance " + instance + "; it has " + instances(service));
        }
        return process;
    }

    /** The database a service keeps its data in. */
    public static String databaseOf(String service) {
        return DATABASES.get(service);
    }

    /** Stops every embedded broker (SIGTERM), as an outage or a broker restart does. */
    public void stopKafka() {
        requireEmbeddedKafka().close();
    }

    /** Starts the embedded brokers again, on the same ports with the same data, and waits until all are back. */
    public void startKafka() {
        KafkaProcessCluster cluster = requireEmbeddedKafka();
        if (!cluster.running().isEmpty()) {
            throw new IllegalStateException("The broker runs");
        }
        cluster.startAll();
    }

    /** How many embedded brokers the cluster has (numbered from 1); 0 with a broker this system did not start. */
    public int brokers() {
        return kafka == null ? 0 : kafka.size();
    }

    /** Kills broker {@code broker} (from 1) where it stands (SIGKILL), as a crash or a lost machine does. */
    public void killBroker(int broker) {
        requireEmbeddedKafka().kill(broker);
    }

    /** Stops broker {@code broker} (from 1) cleanly (SIGTERM: a controlled shutdown), as a rolling restart does. */
    public void stopBroker(int broker) {
        requireEmbeddedKafka().stop(broker);
    }

    /**
     * Starts a killed or stopped broker again with its data, and waits until the cluster has it back and no partition
     * lacks a copy.
     */
    public void startBroker(int broker) {
        requireEmbeddedKafka().start(broker);
    }

    /** The embedded brokers, for tests that look at them (pids, which run). */
    public KafkaProcessCluster kafkaCluster() {
        return requireEmbeddedKafka();
    }

    private KafkaProcessCluster requireEmbeddedKafka() {
        if (kafka == null) {
            throw new IllegalStateException("Only the embedded brokers can be stopped and started");
        }
        return kafka;
    }

    /** Kills instance 1 of a service where it stands (SIGKILL), as a crash or an out-of-memory kill does. */
    public void crash(String service) {
        killInstance(service, 1);
    }

    /** Starts instance 1 of a crashed or stopped service again with the same configuration, and waits until it is ready. */
    public void restart(String service) {
        restart(service, Map.of());
    }

    /** Stops instance 1 of a service cleanly (SIGTERM). */
    public void stop(String service) {
        stopInstance(service, 1);
    }

    /** Stops an instance of a service cleanly (SIGTERM; SIGKILL after 20 s). */
    public void stopInstance(String service, int instance) {
        instance(service, instance).close();
    }

    /** Kills an instance of a service where it stands (SIGKILL), as a crash or an out-of-memory kill does. */
    public void killInstance(String service, int instance) {
        instance(service, instance).crash();
    }

    /**
     * Starts a stopped or killed instance of a service again on its port, or a new instance (any number not started
     * yet, on a port of its own), with the service's configuration, and waits until it is ready.
     */
    public void startInstance(String service, int instance) {
        if (instance < 1) {
            throw new IllegalArgumentException("Instances are numbered from 1, not " + instance);
        }
        ServiceProcess before = find(service, instance);
        if (before != null && before.isAlive()) {
            throw new IllegalStateException(before.label() + " runs");
        }
        ServiceProcess process = launchInstance(service, instance);
        put(service, instance, process);
        process.awaitReady(Duration.ofSeconds(120));
    }

    /** Stops every instance of every service cleanly, all at once. */
    public void stopServices() {
        ManagedProcess.allAtOnce(allInstances(), ServiceProcess::close);
    }

    /**
     * Starts every stopped instance of every service again, each service with its {@code changes} added to its
     * environment from now on, all at once, and waits until all are ready.
     */
    public void startServices(Map<String, Map<String, String>> changes) {
        List<ServiceProcess> starting = new ArrayList<>();
        for (String service : SERVICES) {
            serviceEnvironments.get(service).putAll(changes.getOrDefault(service, Map.of()));
            for (int instance : instances(service)) {
                if (!find(service, instance).isAlive()) {
                    ServiceProcess process = launchInstance(service, instance);
                    put(service, instance, process);
                    starting.add(process);
                }
            }
        }
        for (ServiceProcess process : starting) {
            process.awaitReady(Duration.ofSeconds(120));
        }
    }

    /**
     * Starts instance 1 of a crashed or stopped service again (stopping it first if it runs), with {@code changes}
     * added to the service's environment from now on (a new consumer group, say), and waits until it is ready.
     */
    public void restart(String service, Map<String, String> changes) {
        serviceEnvironments.get(service).putAll(changes);
        ServiceProcess old = services.get(service);
        if (old.isAlive()) {
            old.close();
        }
        ServiceProcess process = launchInstance(service, 1, old.port());
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

    /** Instance 1 of each service, by name; see {@link #instance} for the others. */
    public Map<String, ServiceProcess> services() {
        return services;
    }

    /** Stops everything this system started: the services together, then the servers in reverse order. */
    @Override
    public void close() {
        ManagedProcess.allAtOnce(allInstances(), service -> {
            try {
                service.close();
            } catch (RuntimeException e) {
                log("Could not stop " + service.label() + " cleanly: " + e.getMessage());
            }
        });
        services.clear();
        moreInstances.values().forEach(Map::clear);
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
