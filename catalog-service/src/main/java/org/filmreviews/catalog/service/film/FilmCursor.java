package org.filmreviews.catalog.service.film;

import java.util.UUID;

import org.filmreviews.platform.paging.CursorCodec;

/** Where a page of search results ends: the searchable title and id of its last film. Opaque to clients. */
public record FilmCursor(String titleSearch, UUID filmId) {

    public String encode() {
        return CursorCodec.encode(filmId, titleSearch);
    }

    /** A cursor a client sent back; a forged one is invalid input naming {@code cursor}. */
    public static FilmCursor decode(String cursor) {
        String[] parts = CursorCodec.parts(cursor, 2);
        if (parts.length != 2) {
            throw CursorCodec.forged();
        }
        return new FilmCursor(CursorCodec.text(parts[1], 600), CursorCodec.id(parts[0]));
    }
}
