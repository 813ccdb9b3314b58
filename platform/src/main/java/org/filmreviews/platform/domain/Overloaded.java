package org.filmreviews.platform.domain;

import java.time.Duration;
import java.util.Objects;

/** The service cannot take this on now, for every caller alike; it may work after the given time. */
public final class Overloaded extends DomainException {

    private final Duration retryAfter;

    public Overloaded(String kind, Duration retryAfter, String detail) {
        super(kind, detail);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
