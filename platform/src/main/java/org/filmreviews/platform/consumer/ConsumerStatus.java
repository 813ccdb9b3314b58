package org.filmreviews.platform.consumer;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which inputs are waiting for a transient failure to pass, on which record and since when: what
 * readiness reports while a consumer holds its place instead of skipping the record.
 */
@ApplicationScoped
public class ConsumerStatus {

    /** A record that could not be applied yet. */
    public record Waiting(String record, Instant since, int attempts, String lastError) {
    }

    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

    void waiting(String topic, String record, int attempts, Throwable failure) {
        waiting.compute(topic, (t, earlier) -> new Waiting(record,
                earlier != null && earlier.record().equals(record) ? earlier.since() : Instant.now(), attempts,
                describe(failure)));
    }

    void done(String topic, String record) {
        waiting.computeIfPresent(topic, (t, current) -> current.record().equals(record) ? null : current);
    }

    /** The inputs that wait now, by topic. */
    public Map<String, Waiting> waiting() {
        return new TreeMap<>(waiting);
    }

    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = failure == root ? failure.toString() : failure + " (caused by " + root + ")";
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }
}
