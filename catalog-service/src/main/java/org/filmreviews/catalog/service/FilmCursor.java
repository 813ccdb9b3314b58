package org.filmreviews.catalog.service;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.filmreviews.platform.problem.ProblemException;

/** Where a page of search results ends: the searchable title and id of its last film. Opaque to clients. */
public record FilmCursor(String titleSearch, UUID filmId) {

    public String encode() {
        String raw = filmId + ":" + titleSearch;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static FilmCursor decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            return new FilmCursor(raw.substring(colon + 1), UUID.fromString(raw.substring(0, colon)));
        } catch (RuntimeException e) {
            throw ProblemException.invalidField("cursor", "is not a cursor this service handed out");
        }
    }
}
