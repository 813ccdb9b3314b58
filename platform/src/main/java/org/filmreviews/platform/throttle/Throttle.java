package org.filmreviews.platform.throttle;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.filmreviews.platform.domain.RateLimited;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;

/**
 * Counts what clients do per key (a client address, a user name) in fixed windows, in this instance's
 * memory, and refuses with {@link RateLimited} (a 429 with Retry-After) once a key has used up its limit. Made for the paths an
 * attacker hammers before any account or row exists (sign-in, sign-up): it costs no database round
 * trip and is checked before the password hash is computed. With several instances each counts on its
 * own, so a client gets at most N times the limit; limits that must hold across instances are counted
 * in the database instead (review-service's {@code AccountActivity}).
 */
@ApplicationScoped
public class Throttle {

    /** Keys kept at most; beyond it the windows that have ended are dropped first, then everything. */
    static final int MAX_KEYS = 100_000;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;

    @Inject
    MeterRegistry registry;

    public Throttle() {
        this(Clock.systemUTC());
    }

    Throttle(Clock clock) {
        this.clock = clock;
    }

    /** Counts one more for {@code key}, or refuses with 429 when the limit is used up (and then counts nothing). */
    public void take(String bucket, String key, ThrottleLimit limit) {
        Window window = current(bucket, key, limit);
        synchronized (window) {
            if (window.count >= limit.max()) {
                throw refused(bucket, window, limit);
            }
            window.count++;
        }
    }

    /** Refuses with 429 when {@code key} has used up its limit, without counting (see {@link #record}). */
    public void check(String bucket, String key, ThrottleLimit limit) {
        Window window = current(bucket, key, limit);
        synchronized (window) {
            if (window.count >= limit.max()) {
                throw refused(bucket, window, limit);
            }
        }
    }

    /** Counts one more for {@code key} without refusing: a failure that {@link #check} will refuse the next time. */
    public void record(String bucket, String key, ThrottleLimit limit) {
        Window window = current(bucket, key, limit);
        synchronized (window) {
            window.count++;
        }
    }

    /** Forgets what {@code key} did (a successful sign-in clears its failures). */
    public void reset(String bucket, String key) {
        windows.remove(bucket + '\u0000' + key);
    }

    private Window current(String bucket, String key, ThrottleLimit limit) {
        long now = clock.millis();
        if (windows.size() >= MAX_KEYS) {
            forgetEnded();
        }
        return windows.compute(bucket + '\u0000' + key, (k, window) -> window == null || window.endsAt <= now
                ? new Window(now + limit.window().toMillis()) : window);
    }

    private RateLimited refused(String bucket, Window window, ThrottleLimit limit) {
        long retryAfter = Math.max(1, Duration.ofMillis(window.endsAt - clock.millis()).toSeconds() + 1);
        if (registry != null) {
            registry.counter("filmreviews.throttled", "bucket", bucket).increment();
        }
        return new RateLimited(Duration.ofSeconds(retryAfter), limit.refusal() + " Try again in " + retryAfter + " seconds.");
    }

    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetEnded() {
        long now = clock.millis();
        windows.values().removeIf(window -> window.endsAt <= now);
        if (windows.size() >= MAX_KEYS) {
            windows.clear(); // a flood of distinct keys: forgetting all is better than running out of memory
        }
    }

    int keys() {
        return windows.size();
    }

    private static final class Window {
        final long endsAt;
        int count;

        Window(long endsAt) {
            this.endsAt = endsAt;
        }
    }
}
