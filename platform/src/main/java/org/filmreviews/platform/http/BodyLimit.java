package org.filmreviews.platform.http;

import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;

/**
 * Quarkus' own limit on a request body, read here so that {@link RequestLimits} refuses a declared body over it
 * with problem+json before Quarkus would refuse it without one. Quarkus keeps the key's meaning and default.
 */
@ConfigMapping(prefix = "quarkus.http.limits")
public interface BodyLimit {

    /** {@code quarkus.http.limits.max-body-size}: the largest request body taken; none when unset. */
    Optional<MemorySize> maxBodySize();
}
