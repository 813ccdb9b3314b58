package org.filmreviews.catalog.service;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.filmreviews.platform.problem.ProblemException;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.MultiEmitter;

/**
 * Tells the readers of film pages, in this process, what just changed. Fed by the projection once its
 * transaction committed, so a reader never hears of a change it cannot yet read.
 * <p>
 * Bounded: a notice is handed over only when the reader asked for one. Whoever streams it (see
 * {@link #buffer()}) holds a few in hand; a reader that stops taking them — its connection stalled — is
 * failed at the next notice instead of being buffered for: its stream ends and its connection closes
 * (browsers reconnect and reload). The number of readers is capped too.
 * <p>
 * A reader connected to one instance hears of the changes that instance applied. With several
 * instances, each applies only its share of the partitions; then notices must travel between them
 * (for example PostgreSQL LISTEN/NOTIFY fired by the same transaction) — not needed while one instance
 * serves the pages.
 */
@ApplicationScoped
public class PageNotices {

    private final Map<UUID, Set<MultiEmitter<? super PageChange>>> readers = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();

    @ConfigProperty(name = "catalog.live.buffer", defaultValue = "32")
    int buffer;

    @ConfigProperty(name = "catalog.live.max-readers", defaultValue = "2000")
    int maxReaders;

    /** The changes of one film's page from now on, until the reader goes away or falls behind. */
    public Multi<PageChange> follow(UUID filmId) {
        if (count.get() >= maxReaders) {
            throw ProblemException.of(Response.Status.SERVICE_UNAVAILABLE, "too-many-readers",
                    "Too many people follow pages live right now; the page still works without live updates.")
                    .withHeaders(Map.of("Retry-After", "30"));
        }
        return Multi.createFrom().<PageChange>emitter(emitter -> {
            readers.compute(filmId, (id, ofFilm) -> {
                Set<MultiEmitter<? super PageChange>> set = ofFilm == null ? ConcurrentHashMap.newKeySet() : ofFilm;
                set.add(emitter);
                return set;
            });
            count.incrementAndGet();
            emitter.onTermination(() -> readers.computeIfPresent(filmId, (id, ofFilm) -> {
                if (ofFilm.remove(emitter)) {
                    count.decrementAndGet();
                }
                return ofFilm.isEmpty() ? null : ofFilm;
            }));
        }, BackPressureStrategy.ERROR);
    }

    /** How many notices a reader's stream may request ahead, at most; beyond that the reader is dropped. */
    public int buffer() {
        return buffer;
    }

    /** Readers following live now. */
    public int readers() {
        return count.get();
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) PageChange change) {
        List<MultiEmitter<? super PageChange>> targets = change.kind() == PageChange.Kind.REBUILT
                ? readers.values().stream().flatMap(Set::stream).toList()
                : List.copyOf(readers.getOrDefault(change.filmId(), Set.of()));
        for (MultiEmitter<? super PageChange> reader : targets) {
            if (!reader.isCancelled()) {
                // Without demand the emitter fails, which ends this reader's stream and unregisters it.
                reader.emit(change);
            }
        }
    }
}
