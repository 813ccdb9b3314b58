package org.filmreviews.devinfra.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.filmreviews.devinfra.kafka.KafkaProcessCluster;
import org.filmreviews.devinfra.kafka.KafkaServerProcess;
import org.filmreviews.devinfra.postgres.EmbeddedPostgresServer;
import org.filmreviews.devinfra.postgres.PostgresServer;

/**
 * The servers under the services: PostgreSQL with one database per service, and Kafka, each embedded (from Maven
 * artifacts, data under the run directory) unless the options name one to use as it is. Only the embedded brokers
 * can be stopped, killed and started again.
 */
final class LocalInfrastructure implements AutoCloseable {

    private final SystemOptions options;
    private final Progress progress;
    private PostgresServer postgres;
    private KafkaProcessCluster kafka;
    private String kafkaBootstrap;

    LocalInfrastructure(SystemOptions options, Progress progress) {
        this.options = options;
        this.progress = progress;
    }

    /** Starts (or connects to) PostgreSQL and makes sure each database is there, empty when starting fresh. */
    void startPostgres(Collection<String> databases) {
        long step = progress.mark();
        LocalSystem.log(options.externalPostgres().map(pg -> "Using PostgreSQL at " + pg.jdbcUrl("postgres"))
                .orElse("Starting PostgreSQL…"));
        postgres = options.externalPostgres().orElseGet(() -> EmbeddedPostgresServer
                .startPersistent(options.runDirectory().resolve("postgres"), options.postgresPort()));
        for (String database : databases) {
            if (options.fresh() && options.externalPostgres().isPresent()) {
                postgres.recreateDatabase(database);
            } else {
                postgres.ensureDatabase(database);
            }
        }
        LocalSystem.log("PostgreSQL ready " + progress.since(step));
    }

    /** Starts the embedded brokers, or uses the external one (forgetting the services' topics and groups when fresh). */
    void startKafka(List<String> services) {
        long step = progress.mark();
        Path kafkaDirectory = options.runDirectory().resolve("kafka");
        if (options.externalKafka().isPresent()) {
            kafkaBootstrap = options.externalKafka().get();
            LocalSystem.log("Using Kafka at " + kafkaBootstrap);
            if (options.fresh()) {
                ExternalKafka.forgetEverything(kafkaBootstrap, services);
            }
        } else {
            LocalSystem.log(options.brokers() == 1 ? "Starting Kafka…" : "Starting Kafka, " + options.brokers() + " brokers…");
            kafka = KafkaProcessCluster.start(kafkaNodes());
            kafkaBootstrap = kafka.bootstrapServers();
            writeBrokerCount(kafkaDirectory);
        }
        LocalSystem.log("Kafka ready at " + kafkaBootstrap + " " + progress.since(step));
    }

    /** Broker data of a cluster of one size does not start a cluster of another: the quorum's voters differ. */
    void requireSameBrokerCount() {
        Path kafkaDirectory = options.runDirectory().resolve("kafka");
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
            return List.of(
                    new KafkaServerProcess.NodeSpec(1, run.resolve("kafka"), options.kafkaPort(), options.kafkaControllerPort(),
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

    PostgresServer postgres() {
        return postgres;
    }

    String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    /** How many embedded brokers the cluster has; 0 with a broker this system did not start. */
    int brokers() {
        return kafka == null ? 0 : kafka.size();
    }

    KafkaProcessCluster embeddedKafka() {
        if (kafka == null) {
            throw new IllegalStateException("Only the embedded brokers can be stopped and started");
        }
        return kafka;
    }

    /** Stops Kafka, then PostgreSQL: the reverse of their start. A server that does not stop cleanly is reported, not thrown. */
    @Override
    public void close() {
        if (kafka != null) {
            try {
                kafka.close();
            } catch (RuntimeException e) {
                LocalSystem.log("Could not stop Kafka cleanly: " + e.getMessage());
            }
            kafka = null;
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (Exception e) {
                LocalSystem.log("Could not stop cleanly: " + e.getMessage());
            }
            postgres = null;
        }
    }
}
