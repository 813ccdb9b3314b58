package org.filmreviews.moderation.service;

import java.time.Instant;
import java.util.UUID;

import org.filmreviews.platform.paging.KeysetCursor;

/** Where a page of the queue ends: the sort key of its last case. Opaque to clients. */
public record QueueCursor(Instant queuedAt, UUID caseId) {

    public String encode() {
        return new KeysetCursor(queuedAt, caseId).encode();
    }

    /** A cursor a client sent back; a forged one is a 400 naming {@code cursor}. */
    public static QueueCursor decode(String cursor) {
        KeysetCursor keyset = KeysetCursor.decode(cursor);
        return keyset == null ? null : new QueueCursor(keyset.at(), keyset.id());
    }
}
