package org.filmreviews.platform.outbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Rows the relay parked, and their release once the cause is fixed (the topic recreated, a limit raised). */
@ApplicationScoped
public class OutboxParking {

    /** A parked row as operators see it. */
    public record Parked(UUID id, long seq, String topic, String key, String type, String subject, int attempts,
            String lastError, Instant createdAt, Instant firstFailedAt, Instant parkedAt) {
    }

    @Inject
    Event<OutboxAppended> wakeRelay;

    @Transactional
    public List<Parked> parked(int limit) {
        return OutboxEvent.<OutboxEvent>find("parkedAt is not null and sentAt is null order by seq").page(0, limit).list()
                .stream()
                .map(e -> new Parked(e.id, e.seq, e.topic, e.key, e.type, e.subject, e.attempts, e.lastError, e.createdAt,
                        e.firstFailedAt, e.parkedAt))
                .toList();
    }

    /**
     * Gives parked rows back to the relay, with their failures forgotten.
     *
     * @param id one row, or null for every parked row
     * @return how many were released
     */
    @Transactional
    public int release(UUID id) {
        int released = id == null
                ? OutboxEvent.update(
                        "parkedAt = null, attempts = 0, firstFailedAt = null where parkedAt is not null and sentAt is null")
                : OutboxEvent
                        .update("parkedAt = null, attempts = 0, firstFailedAt = null where id = ?1 and parkedAt is not null"
                                + " and sentAt is null", id);
        if (released > 0) {
            wakeRelay.fire(new OutboxAppended(id));
        }
        return released;
    }
}
