package org.filmreviews.devinfra.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.filmreviews.devinfra.kafka.KafkaServerProcess.NodeSpec;
import org.filmreviews.devinfra.launch.ManagedProcess;
import org.filmreviews.devinfra.launch.Ports;

/**
 * One Kafka cluster (KRaft) of {@code N} processes, each broker and controller in one, the controllers an
 * {@code N}-voter quorum. With three, any one of them, the active controller included, can die and the other two
 * go on: they are a majority of the quorum, and the topics' partitions (three copies, two needed) stay writable.
 * A cluster of one is exactly the single broker of {@link KafkaServerProcess#start}.
 * <p>
 * Combined nodes rather than one controller beside the brokers (as {@link KafkaTestCluster} has): with a controller
 * of its own the cluster has a node whose loss stops every change of leadership, so killing "a broker" would not
 * be the whole story; and it is one JVM fewer on a small machine.
 */
public final class KafkaProcessCluster implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration CLUSTER_STOP_GRACE = Duration.ofSeconds(8);

    private final List<NodeSpec> nodes;
    private final Map<String, String> settings;
    private final Map<Integer, KafkaServerProcess> running = new LinkedHashMap<>();

    private KafkaProcessCluster(List<NodeSpec> nodes) {
        this.nodes = List.copyOf(nodes);
        this.settings = KafkaBrokerSettings.forBrokers(nodes.size());
    }

    /** Starts every node (formatting new storage first) and waits until all of them are brokers of the cluster. */
    public static KafkaProcessCluster start(List<NodeSpec> nodes) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("A cluster needs at least one node");
        }
        KafkaProcessCluster cluster = new KafkaProcessCluster(nodes);
        try {
            cluster.startAll();
            return cluster;
        } catch (RuntimeException e) {
            cluster.killAll();
            throw e;
        }
    }

    /** Starts the nodes that do not run and waits until every node is a broker of the cluster again. */
    public synchronized void startAll() {
        List<NodeSpec> stopped = nodes.stream().filter(n -> !isRunning(n.id())).collect(Collectors.toList());
        // Formatting and starting is a JVM each: side by side, the three take little longer than one.
        Map<Integer, CompletableFuture<KafkaServerProcess>> launches = new LinkedHashMap<>();
        for (NodeSpec node : stopped) {
            CompletableFuture<KafkaServerProcess> launch = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    launch.complete(KafkaServerProcess.launch(node, nodes, settings, processName(node.id())));
                } catch (Throwable e) {
                    launch.completeExceptionally(e);
                }
            }, "start-" + processName(node.id()));
            thread.setDaemon(true);
            thread.start();
            launches.put(node.id(), launch);
        }
        RuntimeException failure = null;
        for (Map.Entry<Integer, CompletableFuture<KafkaServerProcess>> launch : launches.entrySet()) {
            try {
                running.put(launch.getKey(), launch.getValue().join());
            } catch (CompletionException e) {
                failure = failure != null ? failure
                        : e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause()
                                : new IllegalStateException(e.getCause());
            }
        }
        if (failure != null) {
            throw failure;
        }
        awaitBrokers(ids(), System.nanoTime() + START_TIMEOUT.toNanos());
    }

    /** Every node's client address, comma-separated: what clients bootstrap from. */
    public String bootstrapServers() {
        return nodes.stream().map(NodeSpec::bootstrap).collect(Collectors.joining(","));
    }

    public int size() {
        return nodes.size();
    }

    public List<NodeSpec> nodes() {
        return nodes;
    }

    /** The ids of the nodes that run now. */
    public synchronized List<Integer> running() {
        return running.values().stream().filter(KafkaServerProcess::isAlive).map(KafkaServerProcess::nodeId)
                .collect(Collectors.toList());
    }

    public synchronized boolean isRunning(int id) {
        KafkaServerProcess process = running.get(node(id).id());
        return process != null && process.isAlive();
    }

    /** The pid of a running node, for tests that want to see it gone. */
    public synchronized long pid(int id) {
        KafkaServerProcess process = running.get(node(id).id());
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("Kafka node " + id + " does not run");
        }
        return process.pid();
    }

    /** Kills one node where it stands (SIGKILL): no controlled shutdown, its leaderships move when it is missed. */
    public synchronized void kill(int id) {
        KafkaServerProcess process = running.remove(node(id).id());
        if (process == null) {
            throw new IllegalStateException("Kafka node " + id + " does not run");
        }
        process.kill();
    }

    /** Stops one node cleanly (SIGTERM, a controlled shutdown: its leaderships move first). */
    public synchronized void stop(int id) {
        KafkaServerProcess process = running.remove(node(id).id());
        if (process == null) {
            throw new IllegalStateException("Kafka node " + id + " does not run");
        }
        process.close();
    }

    /**
     * Starts a killed or stopped node again on its ports and data, and waits until the cluster has it back as a broker
     * and it has caught up on every partition it holds a copy of (it is in their in-sync replicas again), so that the
     * next node can be taken away safely, as in a rolling restart.
     */
    public synchronized void start(int id) {
        NodeSpec node = node(id);
        if (isRunning(id)) {
            throw new IllegalStateException("Kafka node " + id + " runs");
        }
        KafkaServerProcess process = KafkaServerProcess.launch(node, nodes, settings, processName(id));
        running.put(id, process);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        awaitBrokers(List.of(id), deadline);
        awaitFullyReplicated(id, deadline);
    }

    /**
     * Stops every node, all at once. Each asks the quorum to approve its controlled shutdown; the last ones cannot get
     * an answer once most of the quorum has gone, and would wait for it until killed: so they are killed after
     * {@link #CLUSTER_STOP_GRACE}. That loses nothing (their logs are written; the next start recovers the index of
     * the last segment). One node alone stops as {@link KafkaServerProcess#close} does.
     */
    @Override
    public synchronized void close() {
        List<KafkaServerProcess> all = new ArrayList<>(running.values());
        running.clear();
        if (nodes.size() == 1) {
            all.forEach(KafkaServerProcess::close);
        } else {
            ManagedProcess.allAtOnce(all, node -> node.stop(CLUSTER_STOP_GRACE));
        }
    }

    private void killAll() {
        running.values().forEach(KafkaServerProcess::kill);
        running.clear();
    }

    private void awaitBrokers(List<Integer> ids, long deadline) {
        // An admin client would log every refused connection; wait quietly for the listeners first.
        while (!ids.stream().allMatch(id -> Ports.inUse(node(id).port())) && System.nanoTime() < deadline) {
            requireAlive(ids);
            KafkaServerProcess.sleep(200);
        }
        KafkaServerProcess.awaitNodes(runningBootstrap(), ids, deadline, () -> requireAlive(ids),
                "Kafka node(s) " + ids + " did not join the cluster within " + START_TIMEOUT.toSeconds() + " s; see "
                        + nodes.stream().filter(n -> ids.contains(n.id())).map(n -> n.logFile().toString())
                                .collect(Collectors.joining(", ")));
    }

    private void awaitFullyReplicated(int id, long deadline) {
        List<String> lagging = List.of();
        try (Admin admin = Admin.create(KafkaServerProcess.quietAdmin(runningBootstrap()))) {
            while (System.nanoTime() < deadline) {
                requireAlive(List.of(id));
                try {
                    List<String> topics = new ArrayList<>(admin.listTopics(new ListTopicsOptions().listInternal(true))
                            .names().get(5, TimeUnit.SECONDS));
                    Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get(10,
                            TimeUnit.SECONDS);
                    lagging = new ArrayList<>();
                    for (TopicDescription topic : described.values()) {
                        for (TopicPartitionInfo partition : topic.partitions()) {
                            boolean holdsACopy = partition.replicas().stream().anyMatch(n -> n.id() == id);
                            if (holdsACopy && partition.isr().stream().noneMatch(n -> n.id() == id)) {
                                lagging.add(topic.name() + "-" + partition.partition());
                            }
                        }
                    }
                    if (lagging.isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    // metadata moving: ask again
                }
                KafkaServerProcess.sleep(500);
            }
        }
        throw new IllegalStateException("Kafka node " + id + " has not caught up within " + START_TIMEOUT.toSeconds()
                + " s on " + lagging);
    }

    /** The nodes that run, to ask without a refused connection logged for each that does not. */
    private String runningBootstrap() {
        return running.values().stream().map(KafkaServerProcess::bootstrapServers).collect(Collectors.joining(","));
    }

    /** Fails at once when a node waited for has died (a bad configuration, a taken port) instead of timing out. */
    private void requireAlive(List<Integer> ids) {
        for (int id : ids) {
            KafkaServerProcess process = running.get(id);
            if (process != null) {
                process.requireAlive();
            }
        }
    }

    private List<Integer> ids() {
        return nodes.stream().map(NodeSpec::id).collect(Collectors.toList());
    }

    private NodeSpec node(int id) {
        return nodes.stream().filter(n -> n.id() == id).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "No Kafka node " + id + "; the nodes are " + ids()));
    }

    private String processName(int id) {
        return nodes.size() == 1 ? "kafka" : "kafka-" + id;
    }
}
