package org.filmreviews.platform.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.filmreviews.platform.problem.ProblemException;

/**
 * Where a page ends, for lists sorted by a time and then an id: the sort key of its last row. Opaque
 * to clients (base64url), so the encoding may change without breaking them.
 */
public record KeysetCursor(Instant at, UUID id) {

    public String encode() {
        String raw = at.getEpochSecond() + ":" + at.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back, or null when it sent none; a forged one is a 400 naming {@code cursor}. */
    public static KeysetCursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
            return new KeysetCursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw ProblemException.invalidField("cursor", "is not a cursor this service handed out");
        }
    }
}
