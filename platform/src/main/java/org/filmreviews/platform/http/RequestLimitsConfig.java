package org.filmreviews.platform.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How big a request may be before it is refused with problem+json, before anything reads it. The HTTP
 * decoder's own limits ({@code quarkus.http.limits.max-initial-line-length} and {@code max-header-size},
 * set far above these in platform's {@code microprofile-config.properties}) only catch what is too big
 * even to decode, and answer that without a body.
 */
@ConfigMapping(prefix = "filmreviews.http")
public interface RequestLimitsConfig {

    /** Longest request target (path and query) answered; longer is a 414. */
    @WithDefault("8K")
    MemorySize maxUriLength();

    /** Most bytes of all request headers together (names and values); more is a 431. */
    @WithDefault("16K")
    MemorySize maxHeaderSize();
}
