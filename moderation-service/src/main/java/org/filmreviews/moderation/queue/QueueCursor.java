package org.filmreviews.moderation.queue;

import java.time.Instant;
import java.util.UUID;

import org.filmreviews.platform.domain.InvalidInput;
import org.filmreviews.platform.paging.KeysetCursor;

/** Where a page of the queue ends: the sort key of its last case. Opaque to clients. */
public record QueueCursor(Instant queuedAt, UUID caseId) {

    public String encode() {
        return new KeysetCursor(queuedAt, caseId).encode();
    }

    /**
     * A cursor a client sent back, or null when it sent none; a forged one is refused naming {@code cursor}.
     * Platform's codec checks every part and refuses in HTTP's words; this says the same in the domain's.
     */
    public static QueueCursor decode(String cursor) {
        KeysetCursor keyset;
        try {
            keyset = KeysetCursor.decode(cursor);
        } catch (RuntimeException forged) {
            throw InvalidInput.field("cursor", "is not a cursor this service handed out");
        }
        return keyset == null ? null : new QueueCursor(keyset.at(), keyset.id());
    }
}
