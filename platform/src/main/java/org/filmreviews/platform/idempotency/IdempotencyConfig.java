package org.filmreviews.platform.idempotency;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Replaying answers by {@code Idempotency-Key} (see {@link IdempotentRequests}). */
@ConfigMapping(prefix = "filmreviews.idempotency")
public interface IdempotencyConfig {

    /** On in the services whose schema has the idempotency_key table; off, every request is served as new. */
    @WithDefault("false")
    boolean enabled();

    /** How long a key's answer is kept for a retry to replay; a retry after that is served as a new request. */
    @WithDefault("24h")
    Duration retention();
}
