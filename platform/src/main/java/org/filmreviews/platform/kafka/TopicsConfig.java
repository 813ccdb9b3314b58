package org.filmreviews.platform.kafka;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "filmreviews.topics")
public interface TopicsConfig {

    /** Create the topics below at start-up when they are missing. Off where a platform team owns topics. */
    @WithDefault("true")
    boolean provision();

    /** Topics this service produces, consumes or dead-letters to. */
    Optional<List<String>> names();

    /** Topics kept as the latest record per key (cleanup.policy=compact). */
    Optional<List<String>> compacted();

    /**
     * Topics that keep every record (retention.ms=-1): the review events from which the catalog rebuilds
     * its page data. They are keyed by film, so compaction would lose reviews; a week's retention would
     * make a rebuild silently incomplete. Applied to existing topics too.
     */
    Optional<List<String>> retained();

    /** Enough for per-film ordering with room for more consumer instances. */
    @WithDefault("6")
    int partitions();

    /** Copies of each partition, on as many brokers: 1 for a single local broker; 3 in production. */
    @WithDefault("1")
    short replicationFactor();

    /**
     * Copies that must hold a record before a producer with {@code acks=all} (the outbox relay) is told it is
     * written ({@code min.insync.replicas} of the topics created here): 2 with a replication factor of 3, so that a
     * broker can be down without writes stopping or an acknowledged record living on one broker only.
     */
    @WithDefault("1")
    int minInsyncReplicas();
}
