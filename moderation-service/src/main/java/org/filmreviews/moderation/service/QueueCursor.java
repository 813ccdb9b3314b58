package org.filmreviews.moderation.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.filmreviews.platform.problem.ProblemException;

/** Where a page of the queue ends: the sort key of its last case. Opaque to clients. */
public record QueueCursor(Instant queuedAt, UUID caseId) {

    public String encode() {
        String raw = queuedAt.getEpochSecond() + ":" + queuedAt.getNano() + ":" + caseId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static QueueCursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
            return new QueueCursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw ProblemException.invalidField("cursor", "is not a cursor this service handed out");
        }
    }
}
