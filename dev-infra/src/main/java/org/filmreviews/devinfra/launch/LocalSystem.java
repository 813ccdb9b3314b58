package org.filmreviews.devinfra.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.filmreviews.devinfra.kafka.KafkaProcessCluster;
import org.filmreviews.devinfra.keys.JwtKeys;
import org.filmreviews.devinfra.postgres.PostgresServer;

/**
 * The whole system on one machine: PostgreSQL and Kafka (embedded, from Maven artifacts, unless URLs
 * are given; {@link LocalInfrastructure}), the three packaged services ({@link ServiceInstances}), and the seed
 * film, as {@link SystemOptions} say. Used by {@code ./run.sh} and by the system tests, so that what the tests
 * check is what people run.
 */
public final class LocalSystem implements AutoCloseable {

    public static final List<String> SERVICES = List.of("review-service", "moderation-service", "catalog-service");
    private static final Map<String, String> DATABASES = Map.of(
            "review-service", "reviews", "moderation-service", "moderation", "catalog-service", "catalog");

    private final SystemOptions options;
    private final Progress progress = new Progress();
    private final LocalInfrastructure infrastructure;
    private final ServiceInstances services;
    private Optional<SeedLoader.Result> seeded = Optional.empty();

    private LocalSystem(SystemOptions options) {
        this.options = options;
        this.infrastructure = new LocalInfrastructure(options, progress);
        this.services = new ServiceInstances(options);
    }

    public static LocalSystem start(SystemOptions options) {
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
            infrastructure.requireSameBrokerCount();
        }
        JwtKeys keys = JwtKeys.ensure(run.resolve("keys"));
        infrastructure.startPostgres(DATABASES.values());
        infrastructure.startKafka(SERVICES);
        services.configure(infrastructure.postgres(), infrastructure.kafkaBootstrap(), keys);
        services.startAll(progress);
        if (options.seed()) {
            long step = progress.mark();
            seeded = Optional.of(new SeedLoader(url("review-service"), url("catalog-service")).load());
            log((seeded.get().alreadyThere() ? "Seed film already there " : "Seed film loaded ") + progress.since(step));
        }
    }

    /** Instance 1 of the service. */
    public String url(String service) {
        return services.first().get(service).url();
    }

    /** The service's management interface: {@code /q/health/...}, {@code /q/metrics}, {@code /q/openapi}. */
    public String managementUrl(String service) {
        return services.first().get(service).managementUrl();
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
        return services.numbers(service);
    }

    /** The process of an instance of the service (from 1), running or not. */
    public ServiceProcess instance(String service, int instance) {
        return services.instance(service, instance);
    }

    /** The database a service keeps its data in. */
    public static String databaseOf(String service) {
        return DATABASES.get(service);
    }

    /** Stops every embedded broker (SIGTERM), as an outage or a broker restart does. */
    public void stopKafka() {
        infrastructure.embeddedKafka().close();
    }

    /** Starts the embedded brokers again, on the same ports with the same data, and waits until all are back. */
    public void startKafka() {
        KafkaProcessCluster cluster = infrastructure.embeddedKafka();
        if (!cluster.running().isEmpty()) {
            throw new IllegalStateException("The broker runs");
        }
        cluster.startAll();
    }

    /** How many embedded brokers the cluster has (numbered from 1); 0 with a broker this system did not start. */
    public int brokers() {
        return infrastructure.brokers();
    }

    /** Kills broker {@code broker} (from 1) where it stands (SIGKILL), as a crash or a lost machine does. */
    public void killBroker(int broker) {
        infrastructure.embeddedKafka().kill(broker);
    }

    /** Stops broker {@code broker} (from 1) cleanly (SIGTERM: a controlled shutdown), as a rolling restart does. */
    public void stopBroker(int broker) {
        infrastructure.embeddedKafka().stop(broker);
    }

    /**
     * Starts a killed or stopped broker again with its data, and waits until the cluster has it back and no partition
     * lacks a copy.
     */
    public void startBroker(int broker) {
        infrastructure.embeddedKafka().start(broker);
    }

    /** The embedded brokers, for tests that look at them (pids, which run). */
    public KafkaProcessCluster kafkaCluster() {
        return infrastructure.embeddedKafka();
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
        services.start(service, instance);
    }

    /** Stops every instance of every service cleanly, all at once. */
    public void stopServices() {
        ManagedProcess.allAtOnce(services.all(), ServiceProcess::close);
    }

    /**
     * Starts every stopped instance of every service again, each service with its {@code changes} added to its
     * environment from now on, all at once, and waits until all are ready.
     */
    public void startServices(Map<String, Map<String, String>> changes) {
        services.startStopped(changes);
    }

    /**
     * Starts instance 1 of a crashed or stopped service again (stopping it first if it runs), with {@code changes}
     * added to the service's environment from now on (a new consumer group, say), and waits until it is ready.
     */
    public void restart(String service, Map<String, String> changes) {
        services.restartFirst(service, changes);
    }

    public String kafkaBootstrapServers() {
        return infrastructure.kafkaBootstrap();
    }

    public PostgresServer postgres() {
        return infrastructure.postgres();
    }

    public Optional<SeedLoader.Result> seeded() {
        return seeded;
    }

    /** Instance 1 of each service, by name; see {@link #instance} for the others. */
    public Map<String, ServiceProcess> services() {
        return services.first();
    }

    /** Stops everything this system started: the services together, then the servers in reverse order. */
    @Override
    public void close() {
        services.closeAll();
        infrastructure.close();
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
