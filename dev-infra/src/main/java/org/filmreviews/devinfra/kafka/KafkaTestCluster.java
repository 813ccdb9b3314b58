package org.filmreviews.devinfra.kafka;

import kafka.server.BrokerServer;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real Kafka cluster (KRaft) inside the test JVM, built with Kafka's own test kit: by default a single node,
 * broker and controller in one, ready in about two seconds; or several brokers beside one controller, whose
 * brokers a test can stop and start again ({@link #stopBroker}, {@link #startBroker}) while clients keep working.
 */
public final class KafkaTestCluster implements AutoCloseable {

    private final KafkaClusterTestKit kit;

    private KafkaTestCluster(KafkaClusterTestKit kit) {
        this.kit = kit;
    }

    public static KafkaTestCluster start() {
        return start(1);
    }

    /** {@code brokers} brokers (ids 0 to brokers - 1); with more than one, a controller of its own beside them. */
    public static KafkaTestCluster start(int brokers) {
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(brokers == 1)
                    .setNumBrokerNodes(brokers)
                    .setNumControllerNodes(1)
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    .build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
            KafkaBrokerSettings.forBrokers(brokers).forEach(builder::setConfigProp);
            KafkaClusterTestKit kit = builder.build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            return new KafkaTestCluster(kit);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka test cluster did not start", e);
        }
    }

    public String bootstrapServers() {
        return kit.bootstrapServers();
    }

    /**
     * Stops one broker and waits until it is down: a controlled shutdown (its leaderships move to the other brokers
     * first, then its connections close), as in a rolling restart; the test kit has no way to crash one.
     */
    public void stopBroker(int id) {
        BrokerServer broker = kit.brokers().get(id);
        broker.shutdown();
        broker.awaitShutdown();
    }

    /** Starts a stopped broker again, with its data, and waits until the cluster has it back. */
    public void startBroker(int id) {
        try {
            kit.brokers().get(id).startup();
            kit.waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("Broker " + id + " did not start again", e);
        }
    }

    @Override
    public void close() {
        try {
            kit.close();
        } catch (Exception e) {
            throw new IllegalStateException("Kafka test cluster did not stop cleanly", e);
        }
    }
}
