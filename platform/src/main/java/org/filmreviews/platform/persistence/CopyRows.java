package org.filmreviews.platform.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
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

    /** One row being written: its values, in the order of the columns given, as UTF-8 bytes in COPY's text format. */
    public static final class Line {

        private byte[] bytes = new byte[CHUNK + (CHUNK >> 2)];
        private int length;
        private boolean first = true;

        /** A text value, escaped for COPY's text format; null is SQL NULL. */
        public Line text(String value) {
            separate();
            if (value == null) {
                put(NULL);
                return this;
            }
            // The four characters to escape are ASCII, and no byte of a multi-byte UTF-8 sequence is.
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            int from = 0;
            for (int i = 0; i < utf8.length; i++) {
                byte escaped = switch (utf8[i]) {
                    case '\\' -> '\\';
                    case '\n' -> 'n';
                    case '\r' -> 'r';
                    case '\t' -> 't';
                    default -> 0;
                };
                if (escaped != 0) {
                    put(utf8, from, i - from);
                    put(new byte[]{'\\', escaped}, 0, 2);
                    from = i + 1;
                }
            }
            put(utf8, from, utf8.length - from);
            return this;
        }

        /**
         * A value whose {@code toString()} is its PostgreSQL input form and holds no tab, newline or backslash:
         * numbers, booleans (written t/f), UUIDs, {@link Instant}s; null is SQL NULL.
         */
        public Line value(Object value) {
            separate();
            if (value == null) {
                put(NULL);
            } else if (value instanceof Boolean b) {
                put(b ? TRUE : FALSE);
            } else if (value instanceof Instant instant) {
                put(toMicros(instant).toString().getBytes(StandardCharsets.US_ASCII));
            } else {
                put(value.toString().getBytes(StandardCharsets.UTF_8));
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

        /** The line's values so far, as the server would read them (UTF-8 text). */
        String written() {
            return new String(bytes, 0, length, StandardCharsets.UTF_8);
        }

        private void separate() {
            if (!first) {
                put(TAB);
            }
            first = false;
        }

        private void end() {
            put(NEWLINE);
            first = true;
        }

        private void put(byte[] value) {
            put(value, 0, value.length);
        }

        private void put(byte[] value, int offset, int count) {
            if (length + count > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
            }
            System.arraycopy(value, offset, bytes, length, count);
            length += count;
        }

        private static final byte[] NULL = {'\\', 'N'};
        private static final byte[] TRUE = {'t'};
        private static final byte[] FALSE = {'f'};
        private static final byte[] TAB = {'\t'};
        private static final byte[] NEWLINE = {'\n'};
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
                    if (line.length >= CHUNK) {
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
        copy.writeToCopy(line.bytes, 0, line.length);
        line.length = 0;
    }
}
