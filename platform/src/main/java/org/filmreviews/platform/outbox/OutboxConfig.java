package org.filmreviews.platform.outbox;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "filmreviews.outbox")
public interface OutboxConfig {

    /** The CloudEvents {@code ce_source} of this service's events, for example {@code /review-service}. */
    String source();

    /** Off in tests that want to look at unsent rows. */
    @WithDefault("true")
    boolean relayEnabled();

    /** Rows read and sent per round trip to the broker (see bench/ OutboxThroughput for the effect). */
    @WithDefault("2000")
    int batchSize();

    /** How often the relay looks for rows when nobody woke it (rows written by other instances). */
    @WithDefault("1s")
    Duration pollInterval();

    /** Longest pause after a failed send, reached by doubling. */
    @WithDefault("5s")
    Duration maxBackoff();

    /** Sent rows are deleted after this long. */
    @WithDefault("7d")
    Duration retention();

    /**
     * A row the broker refuses for what it is (too large, a topic it may not write) is parked after
     * this many attempts; one that fails for longer than {@link #parkAfter()} while other rows get
     * through (a deleted topic) after this many too.
     */
    @WithDefault("5")
    int parkAfterAttempts();

    /** How long a row may keep failing on its own (while other rows are acknowledged) before it is parked. */
    @WithDefault("1m")
    Duration parkAfter();

    /** The outbox health check (wellness) turns DOWN when the oldest unsent event is older than this. */
    @WithDefault("10m")
    Duration maxLag();

    /** Extra Kafka producer properties, on top of the broker connection settings of {@code kafka.*}. */
    Map<String, String> producer();
}
