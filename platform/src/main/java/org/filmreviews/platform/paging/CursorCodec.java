package org.filmreviews.platform.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.filmreviews.platform.problem.ProblemException;

/**
 * The one way every keyset cursor is written and read back. A cursor is opaque to clients (base64url of
 * colon-separated parts) and comes back from them, so reading one trusts nothing: its length, its
 * number of parts, each instant (within the years PostgreSQL and the data can hold), each id and each
 * text (no control characters, which PostgreSQL refuses) are checked, and anything else is a 400 naming
 * {@code cursor}, never a query that fails in the database.
 */
public final class CursorCodec {

    /** Longer than any cursor this service hands out, with room for a long film title. */
    static final int MAX_LENGTH = 4096;
    /** 1970-01-01: nothing the services store is older. */
    private static final long MIN_SECOND = 0;
    /** 9999-12-31T23:59:59Z: far past any stored time, far below PostgreSQL's limit (year 294276). */
    private static final long MAX_SECOND = 253_402_300_799L;

    private CursorCodec() {
    }

    public static String encode(Object... parts) {
        StringBuilder raw = new StringBuilder();
        for (Object part : parts) {
            if (raw.length() > 0) {
                raw.append(':');
            }
            raw.append(part == null ? "" : part);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The parts of a cursor a client sent back; {@code limit} splits at most that many parts, so that the
     * last one may be a text that itself contains colons.
     */
    public static String[] parts(String cursor, int limit) {
        if (cursor.length() > MAX_LENGTH) {
            throw forged();
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            return raw.split(":", limit);
        } catch (IllegalArgumentException e) {
            throw forged();
        }
    }

    public static Instant instant(String seconds, String nanos) {
        long second = number(seconds, MIN_SECOND, MAX_SECOND);
        long nano = number(nanos, 0, 999_999_999);
        return Instant.ofEpochSecond(second, nano);
    }

    public static UUID id(String text) {
        try {
            UUID id = UUID.fromString(text);
            if (!id.toString().equalsIgnoreCase(text)) {
                throw forged(); // UUID.fromString also takes "1-1-1-1-1"
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw forged();
        }
    }

    public static int integer(String text, int min, int max) {
        return (int) number(text, min, max);
    }

    /** A text part: any characters but control characters, and no longer than {@code maxLength}. */
    public static String text(String text, int maxLength) {
        if (text.length() > maxLength || text.codePoints().anyMatch(c -> Character.isISOControl(c)
                || Character.getType(c) == Character.SURROGATE || c == '\uFFFD')) {
            throw forged();
        }
        return text;
    }

    public static ProblemException forged() {
        return ProblemException.invalidField("cursor", "is not a cursor this service handed out");
    }

    private static long number(String text, long min, long max) {
        if (text == null || text.length() > 20 || !text.matches("-?[0-9]+")) {
            throw forged();
        }
        try {
            long value = Long.parseLong(text);
            if (value < min || value > max) {
                throw forged();
            }
            return value;
        } catch (NumberFormatException e) {
            throw forged();
        }
    }
}
