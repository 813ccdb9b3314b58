package org.filmreviews.platform.paging;

import java.time.Instant;
import java.util.UUID;

/**
 * Where a page ends, for lists sorted by a time and then an id: the sort key of its last row. Opaque
 * to clients (base64url), so the encoding may change without breaking them.
 */
public record KeysetCursor(Instant at, UUID id) {

    public String encode() {
        return CursorCodec.encode(at.getEpochSecond(), at.getNano(), id);
    }

    /** The cursor a client sent back, or null when it sent none; a forged one is a 400 naming {@code cursor}. */
    public static KeysetCursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        String[] parts = CursorCodec.parts(cursor, 3);
        if (parts.length != 3) {
            throw CursorCodec.forged();
        }
        return new KeysetCursor(CursorCodec.instant(parts[0], parts[1]), CursorCodec.id(parts[2]));
    }
}
