package org.filmreviews.devinfra.kafka;

import java.util.LinkedHashMap;
import java.util.Map;

/** Broker settings shared by the test cluster and the broker processes of the run script. */
final class KafkaBrokerSettings {

    private KafkaBrokerSettings() {
    }

    /** The settings for a cluster of {@code brokers}: {@link #singleNode()} for one, {@link #cluster} for more. */
    static Map<String, String> forBrokers(int brokers) {
        return brokers == 1 ? singleNode() : cluster(brokers);
    }

    /**
     * A cluster of {@code brokers}: Kafka's internal topics replicated on up to three of them and writable with one
     * down, as the system's own topics are with {@code filmreviews.topics.replication-factor=3} and
     * {@code min-insync-replicas=2}.
     */
    static Map<String, String> cluster(int brokers) {
        Map<String, String> settings = singleNode();
        String replicas = Integer.toString(Math.min(3, brokers));
        String inSync = Integer.toString(Math.min(2, brokers));
        settings.put("offsets.topic.replication.factor", replicas);
        settings.put("transaction.state.log.replication.factor", replicas);
        settings.put("transaction.state.log.min.isr", inSync);
        settings.put("share.coordinator.state.topic.replication.factor", replicas);
        settings.put("share.coordinator.state.topic.min.isr", inSync);
        // The consumer offsets topic has no min.isr of its own: it takes the broker's default. Every other topic
        // is created with its own (TopicProvisioner sets filmreviews.topics.min-insync-replicas on each).
        settings.put("min.insync.replicas", inSync);
        return settings;
    }

    static Map<String, String> singleNode() {
        Map<String, String> settings = new LinkedHashMap<>();
        // One node: every internal topic must live with a replication factor of one.
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("offsets.topic.num.partitions", "10");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        settings.put("group.initial.rebalance.delay.ms", "0");
        // Topics are created on purpose by the services that own them (see TopicProvisioner), never by
        // a typo in a consumer's configuration.
        settings.put("auto.create.topics.enable", "false");
        return settings;
    }
}
