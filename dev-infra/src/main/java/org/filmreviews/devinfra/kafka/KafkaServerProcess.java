package org.filmreviews.devinfra.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.filmreviews.devinfra.launch.ManagedProcess;
import org.filmreviews.devinfra.launch.Ports;

/**
 * A real Apache Kafka node (KRaft, broker and controller in one) run as its own process from the
 * {@code kafka_2.13} artifact on this JVM's class path: {@code kafka.Kafka} with a generated
 * {@code server.properties}, its storage formatted by {@code kafka.tools.StorageTool} on first start.
 * Alone ({@link #start}) it is a cluster of one; several of them form one cluster, see {@link KafkaProcessCluster}.
 * The data directory survives restarts unless the caller deletes it.
 */
public final class KafkaServerProcess implements AutoCloseable {

    /** Fixed so that formatting is safe to repeat ({@code --ignore-formatted}). 16 bytes, base64url. */
    private static final String CLUSTER_ID = "ZmlsbS1yZXZpZXdzLWRldg";

    /**
     * Where one node lives: its id ({@code node.id}), its data and generated configuration, its client port, its
     * controller (quorum) port and its log.
     */
    public record NodeSpec(int id, Path directory, int port, int controllerPort, Path logFile) {

        String bootstrap() {
            return "127.0.0.1:" + port;
        }
    }

    private final NodeSpec node;
    private final ManagedProcess process;

    private KafkaServerProcess(NodeSpec node, ManagedProcess process) {
        this.node = node;
        this.process = process;
    }

    /** A cluster of one node (id 1), started and ready to use. */
    public static KafkaServerProcess start(Path directory, int port, int controllerPort, Path logFile) {
        NodeSpec node = new NodeSpec(1, directory, port, controllerPort, logFile);
        KafkaServerProcess kafka = launch(node, List.of(node), KafkaBrokerSettings.singleNode(), "kafka");
        try {
            kafka.awaitReady(Duration.ofSeconds(90));
        } catch (RuntimeException e) {
            kafka.kill();
            throw e;
        }
        return kafka;
    }

    /**
     * Formats the node's storage if it is new and starts its process, without waiting for it: the nodes of a
     * quorum of several elect a leader only once most of them run.
     *
     * @param voters every node of the cluster, this one included; one node is a quorum of its own ({@code --standalone})
     */
    static KafkaServerProcess launch(NodeSpec node, List<NodeSpec> voters, Map<String, String> settings, String name) {
        try {
            Files.createDirectories(node.directory());
            Files.createDirectories(node.logFile().getParent());
            Ports.requireFree(node.port(), "Kafka (set KAFKA_BOOTSTRAP_SERVERS to use a running broker)");
            Ports.requireFree(node.controllerPort(), "the Kafka controller");
            Path config = writeConfig(node, voters, settings);
            Path log4j = copyLoggingConfig(node.directory());
            format(config, log4j, node.logFile(), voters.size() == 1);

            List<String> command = javaCommand(log4j);
            command.add("kafka.Kafka");
            command.add(config.toString());
            ManagedProcess process = ManagedProcess.start(name, command, Map.of(), node.directory().resolve("kafka.pid"),
                    node.logFile());
            return new KafkaServerProcess(node, process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return node.bootstrap();
    }

    public int nodeId() {
        return node.id();
    }

    public NodeSpec spec() {
        return node;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Throws, with the end of the node's log, if its process has exited. */
    public void requireAlive() {
        process.requireAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** SIGTERM: a controlled shutdown, its partitions led elsewhere first; SIGKILL if it takes longer than 20 s. */
    @Override
    public void close() {
        stop(Duration.ofSeconds(20));
    }

    /** SIGTERM, and SIGKILL if the node has not gone after {@code grace}. */
    public void stop(Duration grace) {
        process.stop(grace);
    }

    /** SIGKILL: the node dies where it stands, as in a crash or a lost machine. */
    public void kill() {
        process.kill();
    }

    /** Waits until this node answers as a broker of its cluster. */
    void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        // An admin client would log every refused connection; wait quietly for the listener first.
        while (!Ports.inUse(node.port()) && System.nanoTime() < deadline) {
            process.requireAlive();
            sleep(200);
        }
        awaitNodes(node.bootstrap(), List.of(node.id()), deadline, this::requireAlive,
                "Kafka node " + node.id() + " did not become ready within " + timeout.toSeconds() + " s; see "
                        + node.logFile());
    }

    /**
     * Waits until the cluster behind {@code bootstrap} lists every node of {@code ids} as a broker (registered,
     * unfenced), checking {@code alive} between tries.
     */
    static void awaitNodes(String bootstrap, List<Integer> ids, long deadlineNanos, Runnable alive, String failure) {
        try (Admin admin = Admin.create(quietAdmin(bootstrap))) {
            while (System.nanoTime() < deadlineNanos) {
                alive.run();
                try {
                    List<Integer> up = admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).stream().map(Node::id)
                            .collect(Collectors.toList());
                    if (up.containsAll(ids)) {
                        return;
                    }
                } catch (Exception notYet) {
                    // not answering yet
                }
                sleep(500);
            }
        }
        throw new IllegalStateException(failure);
    }

    static Properties quietAdmin(String bootstrap) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
        return props;
    }

    private static Path writeConfig(NodeSpec node, List<NodeSpec> voters, Map<String, String> extra) throws IOException {
        String listeners = "PLAINTEXT://127.0.0.1:" + node.port() + ",CONTROLLER://127.0.0.1:" + node.controllerPort();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", Integer.toString(node.id()));
        if (voters.size() == 1) {
            // a dynamic quorum of one, formatted --standalone (as before clusters of several existed: kept for its data)
            settings.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + node.controllerPort());
        } else {
            // a static quorum: every node a voter, known to all from the start; formatting needs no directory ids
            settings.put("controller.quorum.voters", voters.stream()
                    .map(v -> v.id() + "@127.0.0.1:" + v.controllerPort()).collect(Collectors.joining(",")));
        }
        settings.put("listeners", listeners);
        settings.put("advertised.listeners", listeners);
        settings.put("controller.listener.names", "CONTROLLER");
        settings.put("inter.broker.listener.name", "PLAINTEXT");
        settings.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        settings.put("log.dirs", node.directory().resolve("data").toAbsolutePath().toString());
        settings.put("num.partitions", "1");
        settings.putAll(extra);
        StringBuilder text = new StringBuilder("# Generated by the film reviews launcher; edits are overwritten.\n");
        settings.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Path config = node.directory().resolve("server.properties");
        Files.writeString(config, text);
        return config;
    }

    private static Path copyLoggingConfig(Path directory) throws IOException {
        Path target = directory.resolve("log4j2.properties");
        try (InputStream in = KafkaServerProcess.class.getResourceAsStream("/kafka/log4j2.properties")) {
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    /** StorageTool calls System.exit, so it runs as a process of its own. */
    private static void format(Path config, Path log4j, Path logFile, boolean standalone) throws IOException {
        List<String> command = javaCommand(log4j);
        command.addAll(List.of("kafka.tools.StorageTool", "format"));
        if (standalone) {
            command.add("--standalone");
        }
        command.addAll(List.of("--ignore-formatted", "-t", CLUSTER_ID, "-c", config.toString()));
        Process format = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        try {
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                format.destroyForcibly();
                throw new IllegalStateException("Formatting Kafka storage failed; see " + logFile);
            }
        } catch (InterruptedException e) {
            format.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while formatting Kafka storage", e);
        }
    }

    private static List<String> javaCommand(Path log4j) {
        List<String> command = new ArrayList<>();
        command.add(ManagedProcess.javaExecutable());
        command.add("-Xms128m");
        command.add("-Xmx512m");
        command.add("-Dlog4j2.configurationFile=" + log4j.toAbsolutePath());
        command.add("-cp");
        command.add(brokerClassPath());
        return command;
    }

    /**
     * This JVM's class path without the JBoss log manager binding that a Quarkus test class path brings:
     * with it the broker would log through a log manager that is never configured.
     */
    private static String brokerClassPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !Path.of(entry).getFileName().toString().contains("jboss-logmanager"))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        }
    }
}
