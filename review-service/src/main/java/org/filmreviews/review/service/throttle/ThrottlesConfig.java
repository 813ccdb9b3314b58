package org.filmreviews.review.service.throttle;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/**
 * {@code filmreviews.throttle.*}: how often one client address or one account may do what attackers
 * repeat (guess passwords, create sock puppets, toggle votes). The values are in application.properties.
 */
@ConfigMapping(prefix = "filmreviews.throttle")
public interface ThrottlesConfig {

    /** Token requests from one client address, whatever the account: caps guessing and bcrypt work per address. */
    Limit signInPerAddress();

    /** Failed token requests for one user name, from anywhere: past it the account is locked for the rest of the window. */
    Limit signInFailuresPerAccount();

    /** New accounts from one client address: caps sock-puppet accounts that would walk around per-account limits. */
    Limit signUpPerAddress();

    /** Vote changes (vote, change, take back) from one client address. */
    Limit votesPerAddress();

    /** Vote changes of one account, counted in the database so that every instance agrees. */
    Limit votesPerAccount();

    interface Limit {

        /** How many in any {@link #window()}; beyond it the answer is 429 with Retry-After. */
        int max();

        /** The window {@link #max()} counts in. */
        Duration window();
    }
}
