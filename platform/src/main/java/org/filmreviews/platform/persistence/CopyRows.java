package org.filmreviews.platform.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Many rows written into one table with PostgreSQL's {@code COPY ... FROM STDIN} (text format), on the connection
 * of the caller's transaction: one statement instead of a round trip and a Hibernate entity per row. For bulk loads
 * (a rebuild of a read model), where nothing reads the rows back through the persistence context before commit.
 */
public final class CopyRows {

    /** Sent to the server in pieces of about this many bytes, so a large load never sits whole in memory. */
    private static final int CHUNK = 1 << 20;

    /** One row being written: its values, in the order of the columns given. */
    public static final class Line {

        private final StringBuilder text = new StringBuilder(CHUNK + (CHUNK >> 2));
        private boolean first = true;

        /** A text value, escaped for COPY's text format; null is SQL NULL. */
        public Line text(String value) {
            separate();
            if (value == null) {
                text.append("\\N");
                return this;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> text.append("\\\\");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    case '\t' -> text.append("\\t");
                    default -> text.append(c);
                }
            }
            return this;
        }

        /**
         * A value whose {@code toString()} is its PostgreSQL input form and holds no tab, newline or backslash:
         * numbers, booleans (written t/f), UUIDs, {@link Instant}s; null is SQL NULL.
         */
        public Line value(Object value) {
            separate();
            if (value == null) {
                text.append("\\N");
            } else if (value instanceof Boolean b) {
                text.append(b ? 't' : 'f');
            } else if (value instanceof Instant instant) {
                text.append(toMicros(instant));
            } else {
                text.append(value);
            }
            return this;
        }

        /**
         * To the microsecond, rounded half up as the JDBC driver rounds what Hibernate binds: a row copied and one
         * written by the live path from the same instant hold the same timestamp.
         */
        private static Instant toMicros(Instant instant) {
            return instant.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
        }

        private void separate() {
            if (!first) {
                text.append('\t');
            }
            first = false;
        }

        private void end() {
            text.append('\n');
            first = true;
        }
    }

    private CopyRows() {
    }

    /**
     * Writes one row per item into {@code table}'s {@code columns}, in the current transaction.
     *
     * @param row writes the item's values, one per column, in order
     * @return the number of rows the server says it wrote
     */
    public static <T> long into(EntityManager entityManager, String table, List<String> columns, Collection<T> items,
            BiConsumer<T, Line> row) {
        if (items.isEmpty()) {
            return 0;
        }
        String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            try {
                Line line = new Line();
                for (T item : items) {
                    row.accept(item, line);
                    line.end();
                    if (line.text.length() >= CHUNK) {
                        send(copy, line);
                    }
                }
                send(copy, line);
                return copy.endCopy();
            } catch (SQLException | RuntimeException e) {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
                throw e;
            }
        });
    }

    private static void send(CopyIn copy, Line line) throws SQLException {
        byte[] bytes = line.text.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        line.text.setLength(0);
    }
}
