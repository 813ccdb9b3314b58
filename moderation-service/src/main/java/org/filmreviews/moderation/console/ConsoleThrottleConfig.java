package org.filmreviews.moderation.console;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code filmreviews.throttle.console-sign-in-per-address.*}: console sign-ins from one client address.
 * review-service locks an account after too many wrong passwords wherever they come from; it cannot
 * count per address for the console, since every console sign-in reaches it from this service.
 */
@ConfigMapping(prefix = "filmreviews.throttle.console-sign-in-per-address")
public interface ConsoleThrottleConfig {

    /** Sign-in attempts in any {@link #window()}; beyond it the sign-in page answers 429 with Retry-After. */
    @WithDefault("30")
    int max();

    /** The window {@link #max()} counts in. */
    @WithDefault("1m")
    Duration window();
}
