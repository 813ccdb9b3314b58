package org.filmreviews.catalog.service.live;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import jakarta.inject.Inject;
import org.filmreviews.platform.domain.Overloaded;
import org.filmreviews.platform.domain.RateLimited;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.MultiEmitter;

/**
 * Tells the readers of film pages following live here what just changed, on whichever instance it changed.
 * <p>
 * Notices travel between instances through PostgreSQL: the transaction that changes a page sends a NOTIFY
 * ({@link PageNoticeChannel}), which PostgreSQL delivers only once that transaction committed, so a reader never
 * hears of a change it cannot yet read; every instance LISTENs ({@link PageNoticeListener}) and hands what it hears
 * to {@link #deliver}. That is the only way in, the instance that applied the change included, so each reader hears
 * of each change once. While an instance's listening connection is lost its readers hear nothing; once it listens
 * again, they are told to read their page again.
 * <p>
 * Bounded: a notice is handed over only when the reader asked for one. Whoever streams it (see
 * {@link #buffer()}) holds a few in hand; a reader that stops taking them — its connection stalled — is
 * failed at the next notice instead of being buffered for: its stream ends and its connection closes
 * (browsers reconnect and reload). The number of readers is capped in all and per client address, and
 * every stream ends after {@code catalog.live.max-lifetime} (the browser reconnects), so that no client
 * holds connections forever.
 */
@ApplicationScoped
public class PageNotices {

    /** When a refused reader may ask again: about when other readers' streams have ended or dropped. */
    private static final Duration RETRY_FOLLOWING = Duration.ofSeconds(30);

    private final Map<UUID, Set<MultiEmitter<? super PageChange>>> readers = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    private final Map<String, AtomicInteger> perClient = new ConcurrentHashMap<>();

    @Inject
    LiveConfig config;

    /**
     * The changes of one film's page from now on, until the reader goes away, falls behind or has followed
     * for {@code catalog.live.max-lifetime}. The reader's place is taken at once, atomically (two readers
     * cannot both take the last one), and given back when its stream ends however it ends.
     */
    public Multi<PageChange> follow(UUID filmId, String client) {
        if (count.incrementAndGet() > config.maxReaders()) {
            count.decrementAndGet();
            throw new Overloaded("too-many-readers", RETRY_FOLLOWING,
                    "Too many people follow pages live right now; the page still works without live updates.");
        }
        AtomicInteger ofClient = perClient.computeIfAbsent(client, c -> new AtomicInteger());
        if (ofClient.incrementAndGet() > config.maxReadersPerClient()) {
            release(client, ofClient);
            throw new RateLimited(RETRY_FOLLOWING,
                    "Your address follows " + config.maxReadersPerClient() + " pages live already; close one first.");
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable leave = () -> {
            if (released.compareAndSet(false, true)) {
                release(client, ofClient);
            }
        };
        return Multi.createFrom().<PageChange>emitter(emitter -> {
            readers.compute(filmId, (id, ofFilm) -> {
                Set<MultiEmitter<? super PageChange>> set = ofFilm == null ? ConcurrentHashMap.newKeySet() : ofFilm;
                set.add(emitter);
                return set;
            });
            // the stream ends by itself after its lifetime; the browser's EventSource reconnects
            ScheduledFuture<?> end = Infrastructure.getDefaultWorkerPool().schedule(emitter::complete,
                    config.maxLifetime().toMillis(),
                    TimeUnit.MILLISECONDS);
            emitter.onTermination(() -> {
                end.cancel(false);
                readers.computeIfPresent(filmId, (id, ofFilm) -> {
                    ofFilm.remove(emitter);
                    return ofFilm.isEmpty() ? null : ofFilm;
                });
                leave.run();
            });
        }, BackPressureStrategy.ERROR).onTermination().invoke(leave);
    }

    /** How long one stream lasts at most; then it ends and the browser reconnects. */
    public Duration maxLifetime() {
        return config.maxLifetime();
    }

    private void release(String client, AtomicInteger ofClient) {
        count.decrementAndGet();
        if (ofClient.decrementAndGet() <= 0) {
            perClient.remove(client, ofClient);
        }
    }

    /** How many notices a reader's stream may request ahead, at most; beyond that the reader is dropped. */
    public int buffer() {
        return config.buffer();
    }

    /** Readers following live now. */
    public int readers() {
        return count.get();
    }

    /** Whether anyone follows the film's page live here now (then a change is worth rendering for them). */
    public boolean followed(UUID filmId) {
        return readers.containsKey(filmId);
    }

    /**
     * Hands a notice to the readers of its film here, or of every film for {@link PageChange.Kind#REBUILT}. Called by
     * {@link PageNoticeListener} only, one notice at a time, in the order the changes committed.
     */
    void deliver(PageChange change) {
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
