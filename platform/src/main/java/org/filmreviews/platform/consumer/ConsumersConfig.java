package org.filmreviews.platform.consumer;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "filmreviews.consumers")
public interface ConsumersConfig {

    /** The pause after the first failed attempt of an event; it doubles with every further one. */
    @WithDefault("50ms")
    Duration initialBackoff();

    /** The longest pause between attempts while the database (or a lock) is in the way. */
    @WithDefault("5s")
    Duration maxBackoff();

    /**
     * Attempts for a failure that is neither transient nor a broken event (most likely a bug) before
     * the event is dead-lettered with that failure as its reason, to be re-driven after the fix.
     */
    @WithDefault("5")
    int unexpectedAttempts();

    /**
     * The most events of one poll applied in one transaction. A transaction per event costs a commit and a
     * dozen round trips on top of the work; a batch shares them. Larger batches hold their locks longer (a
     * moderator deciding a case of the batch waits for it) and give Hibernate more entities to check at
     * every flush, so the gain flattens out well before Kafka's 500 records a poll.
     */
    @WithDefault("100")
    int batchSize();

    /** How long a re-drive of dead letters may wait for the database before it stops where it is. */
    @WithDefault("30s")
    Duration redriveTimeout();
}
