package org.filmreviews.moderation.console;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** {@code filmreviews.console.*}: how the moderators' console keeps its session and its queue page fresh. */
@ConfigMapping(prefix = "filmreviews.console")
public interface ConsoleConfig {

    /**
     * Whether the session cookie is sent over HTTPS only; true in production, false in the local, dev and test
     * profiles, which serve plain HTTP.
     */
    boolean secureCookie();

    /** How often the queue page asks for its rows again (its live updates). */
    Duration refreshEvery();
}
