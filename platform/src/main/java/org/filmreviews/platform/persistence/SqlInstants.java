package org.filmreviews.platform.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A {@code timestamptz} read by a native query: Hibernate hands it over as an {@link Instant}, an
 * {@link OffsetDateTime} or a {@link java.sql.Timestamp}, depending on the query and the driver.
 */
public final class SqlInstants {

    private SqlInstants() {
    }

    /** The instant of a native query's timestamp column; null for SQL NULL. */
    public static Instant of(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }
}
