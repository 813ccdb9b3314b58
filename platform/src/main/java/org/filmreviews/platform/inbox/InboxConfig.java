package org.filmreviews.platform.inbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The inbox of processed event ids (see {@link Inbox}). */
@ConfigMapping(prefix = "filmreviews.inbox")
public interface InboxConfig {

    /**
     * How long a processed event's id is remembered. A redelivery older than this would be applied again, so it
     * must stay well above the longest a record can wait in Kafka or a dead-letter topic before it is re-driven.
     */
    @WithDefault("30d")
    Duration retention();
}
