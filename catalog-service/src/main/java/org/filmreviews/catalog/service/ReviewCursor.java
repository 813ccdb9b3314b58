package org.filmreviews.catalog.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.filmreviews.platform.problem.ProblemException;

/**
 * Where a page of reviews ends: the sort key of its last review. Opaque to clients (base64url), so
 * the encoding may change without breaking them.
 */
public record ReviewCursor(Instant submittedAt, UUID reviewId) {

    public String encode() {
        String raw = submittedAt.getEpochSecond() + ":" + submittedAt.getNano() + ":" + reviewId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static ReviewCursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
            return new ReviewCursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw ProblemException.invalidField("cursor", "is not a cursor this service handed out");
        }
    }
}
