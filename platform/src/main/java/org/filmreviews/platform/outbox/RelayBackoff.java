package org.filmreviews.platform.outbox;

import java.time.Duration;

/**
 * How long the relay pauses after a round in which nothing got through: 100 ms at first, doubling each
 * time up to {@code filmreviews.outbox.max-backoff}, and back to no pause after a round that went well.
 * Not thread-safe: the relay's one loop owns it.
 */
final class RelayBackoff {

    static final long FIRST_MILLIS = 100;

    private final long maxMillis;
    private long millis;

    RelayBackoff(Duration max) {
        this.maxMillis = max.toMillis();
    }

    /** The next pause, longer than the last one (until the limit). */
    long next() {
        millis = Math.min(Math.max(FIRST_MILLIS, millis * 2), maxMillis);
        return millis;
    }

    /** After a round that went well: the next failure starts from the shortest pause again. */
    void reset() {
        millis = 0;
    }
}
