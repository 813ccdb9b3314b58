package org.filmreviews.devinfra.launch;

import java.util.Locale;

/**
 * How long each step of a start took, for the one line printed as each server and service comes up: a first
 * {@code ./run.sh} takes minutes, and a person should see where it is. Counts from its creation (the start of the
 * launch); {@link #mark()} a step's beginning and print {@link #since(long)} when it is done:
 * {@code "Kafka ready at 127.0.0.1:9092 (6.8 s; 9 s since the start)"}.
 */
public final class Progress {

    private final long began = System.nanoTime();

    /** The beginning of a step, to pass to {@link #since(long)} when it is done. */
    public long mark() {
        return System.nanoTime();
    }

    /** {@code "(6.8 s; 9 s since the start)"}: the step begun at {@code mark}, then everything so far. */
    public String since(long mark) {
        long now = System.nanoTime();
        return String.format(Locale.ROOT, "(%.1f s; %d s since the start)", (now - mark) / 1e9,
                Math.round((now - began) / 1e9));
    }
}
