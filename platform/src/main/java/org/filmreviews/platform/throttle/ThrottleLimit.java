package org.filmreviews.platform.throttle;

import java.time.Duration;

/**
 * At most {@code max} in any {@code window} per key.
 *
 * @param refusal the first sentence of the 429 answer, for example "Too many sign-in attempts from your address."
 */
public record ThrottleLimit(int max, Duration window, String refusal) {

    public ThrottleLimit {
        if (max < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("A throttle needs a positive max and window, not " + max + " per " + window);
        }
    }
}
