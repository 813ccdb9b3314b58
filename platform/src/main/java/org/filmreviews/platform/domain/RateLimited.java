package org.filmreviews.platform.domain;

import java.time.Duration;
import java.util.Objects;

/** This caller has done this too often lately; it may try again after the given time. */
public final class RateLimited extends DomainException {

    private final Duration retryAfter;

    public RateLimited(Duration retryAfter, String detail) {
        super("rate-limited", detail);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
