package org.filmreviews.devinfra.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.filmreviews.devinfra.kafka.KafkaServerProcess;
import org.filmreviews.devinfra.kafka.KafkaTestCluster;
import org.filmreviews.devinfra.keys.JwtKeys;
import org.filmreviews.devinfra.launch.Directories;
import org.filmreviews.devinfra.launch.Ports;
import org.filmreviews.devinfra.postgres.EmbeddedPostgresServer;
import org.filmreviews.devinfra.postgres.ExternalPostgresServer;
import org.filmreviews.devinfra.postgres.PostgresServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Real infrastructure for a {@code @QuarkusTest}: a Kafka broker (Kafka's own test kit, in this JVM),
 * a PostgreSQL server with an empty database for the service under test, and a fresh token key pair.
 * <p>
 * Init arguments: {@code database}, the service's database name; {@code kafka=process} for a broker
 * in a process of its own on a fixed port, which a test can stop and start again
 * ({@link #stopKafka()}, {@link #startKafka()}) to see what an outage does; {@code brokers=3} for a cluster of three
 * brokers with the service's topics replicated on all three and writable with two ({@code replication-factor=3},
 * {@code min-insync-replicas=2}), one of which a test can stop and start again ({@link #stopBroker},
 * {@link #startBroker}). With
 * {@code FILMREVIEWS_PG_URL} set, the database {@code <name>_test} is recreated on that server instead
 * of starting an embedded one.
 */
public class RealInfraTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile AutoCloseable kafka;
    private static volatile KafkaTestCluster cluster;
    private static volatile String bootstrapServers;
    private static volatile Restartable restartable;
    private static volatile PostgresServer runningPostgres;
    private static volatile String runningDatabase;
    private PostgresServer postgres;
    private String database = "service";
    private boolean kafkaProcess;
    private int brokers = 1;
    private Path keyDirectory;

    /** The broker process of {@code kafka=process} and how to start it again on the same port and data. */
    private record Restartable(Path directory, int port, int controllerPort) {
        KafkaServerProcess start() {
            return KafkaServerProcess.start(directory, port, controllerPort, directory.resolve("kafka.log"));
        }
    }

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        kafkaProcess = "process".equals(initArgs.get("kafka"));
        brokers = Integer.parseInt(initArgs.getOrDefault("brokers", "1"));
    }

    @Override
    public Map<String, String> start() {
        if (kafkaProcess) {
            try {
                restartable = new Restartable(Files.createTempDirectory("kafka-process"), Ports.free(), Ports.free());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            KafkaServerProcess broker = restartable.start();
            kafka = broker;
            bootstrapServers = broker.bootstrapServers();
        } else {
            cluster = KafkaTestCluster.start(brokers);
            kafka = cluster;
            bootstrapServers = cluster.bootstrapServers();
        }
        postgres = ExternalPostgresServer.fromEnvironment().orElseGet(EmbeddedPostgresServer::startTemporary);
        String db = postgres instanceof EmbeddedPostgresServer ? database : database + "_test";
        postgres.recreateDatabase(db);
        runningPostgres = postgres;
        runningDatabase = db;
        try {
            keyDirectory = Files.createTempDirectory("jwt-keys");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JwtKeys keys = JwtKeys.ensure(keyDirectory);

        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", bootstrapServers);
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(db));
        config.put("quarkus.datasource.username", postgres.username());
        config.put("quarkus.datasource.password", postgres.password());
        config.put("mp.jwt.verify.publickey.location", keys.publicKey().toString());
        config.put("smallrye.jwt.sign.key.location", keys.privateKey().toString());
        if (brokers > 1) {
            config.put("filmreviews.topics.replication-factor", Integer.toString(Math.min(3, brokers)));
            config.put("filmreviews.topics.min-insync-replicas", Integer.toString(Math.min(2, brokers)));
        }
        return config;
    }

    /** The running broker, for tests that talk to Kafka directly. */
    public static String bootstrapServers() {
        if (bootstrapServers == null) {
            throw new IllegalStateException("The Kafka test broker is not running");
        }
        return bootstrapServers;
    }

    /**
     * Takes the service's database away: new connections refused, open ones terminated, as in a database
     * restart or failover. {@link #bringDatabaseBack()} ends it.
     */
    public static void takeDatabaseAway() {
        runningPostgres.refuseConnections(runningDatabase);
    }

    public static void bringDatabaseBack() {
        runningPostgres.allowConnections(runningDatabase);
    }

    /** A connection to the service's database, for tests that look at rows or hold locks directly. */
    public static java.sql.Connection databaseConnection() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(runningPostgres.jdbcUrl(runningDatabase), runningPostgres.username(),
                runningPostgres.password());
    }

    /** Stops one broker of a {@code brokers=N} cluster (ids 0 to N - 1). */
    public static void stopBroker(int id) {
        requireCluster().stopBroker(id);
    }

    /** Starts a stopped broker of a {@code brokers=N} cluster again, with its data. */
    public static void startBroker(int id) {
        requireCluster().startBroker(id);
    }

    private static KafkaTestCluster requireCluster() {
        if (cluster == null) {
            throw new IllegalStateException("Only a cluster started with brokers=N has brokers to stop and start");
        }
        return cluster;
    }

    /** Stops the broker of {@code kafka=process}: an outage, as far as the service can tell. */
    public static void stopKafka() {
        if (restartable == null) {
            throw new IllegalStateException("Only a broker started with kafka=process can be stopped and started");
        }
        closeKafka();
    }

    /** Starts the broker of {@code kafka=process} again, on the same port with the same data. */
    public static void startKafka() {
        if (restartable == null) {
            throw new IllegalStateException("Only a broker started with kafka=process can be stopped and started");
        }
        kafka = restartable.start();
    }

    private static void closeKafka() {
        AutoCloseable broker = kafka;
        kafka = null;
        if (broker != null) {
            try {
                broker.close();
            } catch (Exception e) {
                throw new IllegalStateException("The Kafka test broker did not stop cleanly", e);
            }
        }
    }

    @Override
    public void stop() {
        closeKafka();
        if (restartable != null) {
            Directories.deleteRecursively(restartable.directory());
        }
        restartable = null;
        cluster = null;
        if (keyDirectory != null) {
            Directories.deleteRecursively(keyDirectory);
        }
        if (postgres != null) {
            postgres.close();
        }
        runningPostgres = null;
    }
}
