package org.filmreviews.devinfra.launch;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.filmreviews.devinfra.postgres.ExternalPostgresServer;
import org.filmreviews.devinfra.postgres.PostgresServer;

/**
 * Where and how to run. {@code instances} of each service and {@code brokers} Kafka nodes (both from 1); with
 * {@code freePorts}, instances from 2 on and broker nodes from 2 on take free ports, otherwise fixed steps from the
 * configured ones (see {@link #servicePort}). {@link LocalSystem#start} runs a system by them.
 */
public record SystemOptions(
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

    public SystemOptions {
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
    public static SystemOptions defaults(Path projectDirectory) {
        return new SystemOptions(projectDirectory, projectDirectory.resolve(".run"), false, true, 9092, 9093, 15432,
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
    public static SystemOptions isolated(Path projectDirectory, Path runDirectory) {
        return new SystemOptions(projectDirectory, runDirectory, true, true, Ports.free(), Ports.free(), Ports.free(),
                Map.of("review-service", Ports.free(), "moderation-service", Ports.free(), "catalog-service", Ports.free()),
                Optional.empty(), Optional.empty(), true, FOR_TEST_CLIENTS, 1, 1, true);
    }

    public SystemOptions withFresh(boolean value) {
        return new SystemOptions(projectDirectory, runDirectory, value, seed, kafkaPort, kafkaControllerPort, postgresPort,
                servicePorts, externalKafka, externalPostgres, temporary, environment, instances, brokers, freePorts);
    }

    public SystemOptions withSeed(boolean value) {
        return new SystemOptions(projectDirectory, runDirectory, fresh, value, kafkaPort, kafkaControllerPort, postgresPort,
                servicePorts, externalKafka, externalPostgres, temporary, environment, instances, brokers, freePorts);
    }

    /** How many instances of each service to start: all in the same consumer groups, on the same databases. */
    public SystemOptions withInstances(int value) {
        return new SystemOptions(projectDirectory, runDirectory, fresh, seed, kafkaPort, kafkaControllerPort, postgresPort,
                servicePorts, externalKafka, externalPostgres, temporary, environment, value, brokers, freePorts);
    }

    /**
     * How many Kafka nodes to start as one cluster (3 to survive losing one); from 2 on the services create their
     * topics with {@code min(3, brokers)} copies of which {@code min(2, brokers)} must hold a record.
     */
    public SystemOptions withBrokers(int value) {
        return new SystemOptions(projectDirectory, runDirectory, fresh, seed, kafkaPort, kafkaControllerPort, postgresPort,
                servicePorts, externalKafka, externalPostgres, temporary, environment, instances, value, freePorts);
    }

    /** Adds to (and overrides entries of) the services' environment. */
    public SystemOptions withEnvironment(Map<String, String> value) {
        Map<String, String> merged = new java.util.HashMap<>(environment);
        merged.putAll(value);
        return new SystemOptions(projectDirectory, runDirectory, fresh, seed, kafkaPort, kafkaControllerPort, postgresPort,
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
            return new int[]{kafkaPort, kafkaControllerPort};
        }
        return freePorts ? new int[]{Ports.free(), Ports.free()}
                : new int[]{kafkaPort + 2 * (node - 1), kafkaControllerPort + 2 * (node - 1)};
    }
}
