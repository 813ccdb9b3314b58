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

    /**
     * Topics this service produces, consumes or dead-letters to. Each is created with the retention events'
     * {@code Topics} gives it (compacted, every record kept, or the broker's defaults), unless one of the two lists
     * below replaces that for this deployment.
     */
    Optional<List<String>> names();

    /** Which of the topics are kept as the latest record per key (cleanup.policy=compact); unset: events' Topics. */
    Optional<List<String>> compacted();

    /**
     * Which of the topics keep every record (retention.ms=-1, applied to existing topics too); unset: events' Topics
     * ({@code Retention.FOREVER}: the review events, from which the catalog rebuilds its page data). A deployment that
     * must be able to erase reviews from the log lists here the topics that still keep everything, and sets a time
     * retention on the others. The dead-letter topics keep every record in any case.
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
