package org.filmreviews.devinfra.kafka;

import java.util.LinkedHashMap;
import java.util.Map;

/** Broker settings shared by the test cluster and the broker process of the run script. */
final class KafkaBrokerSettings {

    private KafkaBrokerSettings() {
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
