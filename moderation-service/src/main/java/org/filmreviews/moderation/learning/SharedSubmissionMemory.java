package org.filmreviews.moderation.learning;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.filmreviews.moderation.engine.SubmissionMemory;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;

/**
 * The engine's memory of recent submissions in PostgreSQL ({@code submission_memory}), shared by every instance.
 * <p>
 * Each call is a short transaction of its own (the case being decided commits later, or not): what was looked up and
 * remembered stays remembered, as in the engine's own memory, and a retried event finds its earlier entry by review
 * id and never matches itself. Looking up and remembering an arrival happen under transaction-scoped advisory locks
 * on the author and on each of the text's bands, taken in one order: two arrivals that could be copies of each other,
 * or two posts of one author, are serialised across instances, and the second sees the first.
 */
@ApplicationScoped
public class SharedSubmissionMemory implements SubmissionMemory {

    /** "MEMA" and "MEMB": advisory lock spaces of authors and of bands (two-key locks, apart from other locks). */
    private static final int AUTHOR_LOCKS = 0x4d454d41;
    private static final int BAND_LOCKS = 0x4d454d42;
    /** A wave of identical spam shares every band; the newest few hundred are enough to find a copy among them. */
    private static final int MAX_CANDIDATES = 256;
    /** The engine's own memory keeps as many posts per author. */
    private static final int MAX_AUTHOR_POSTS = 64;

    private static final String NEIGHBOURS = """
            (SELECT true, review_id, author_id, film_id, submitted_at_ms, signature FROM submission_memory
              WHERE band_keys && ? AND author_id <> ? AND review_id <> ? AND submitted_at_ms <= ?
              ORDER BY remembered DESC LIMIT %d)
            UNION ALL
            (SELECT false, review_id, author_id, film_id, submitted_at_ms, signature FROM submission_memory
              WHERE author_id = ? AND review_id <> ? AND submitted_at_ms BETWEEN ? AND ?
              ORDER BY remembered DESC LIMIT %d)
            """.formatted(MAX_CANDIDATES, MAX_AUTHOR_POSTS);

    private static final String REMEMBER = """
            INSERT INTO submission_memory (review_id, author_id, film_id, submitted_at_ms, signature, band_keys)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (review_id) DO UPDATE SET author_id = excluded.author_id, film_id = excluded.film_id,
              submitted_at_ms = excluded.submitted_at_ms, signature = excluded.signature, band_keys = excluded.band_keys,
              remembered = nextval('submission_memory_order')
            """;

    /**
     * The memory's own commits do not wait for the WAL to reach the disk: a database crash may forget the last few
     * entries (a copy of one of them then goes unnoticed, as after any restart of the engine's own memory), and in
     * exchange each review costs one flush, its case's, not two. Set with the locks, the first statement of a lookup
     * that remembers.
     */
    private static final String NO_FLUSH_WAIT = "set_config('synchronous_commit', 'off', true)";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EngineConfig config;

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Neighbours neighbours(Entry arrival, int[] bandKeys, long windowMillis, boolean remember) {
        try (Connection connection = dataSource.getConnection()) {
            if (remember) {
                lock(connection, arrival.authorId(), bandKeys);
            }
            List<Entry> candidates = new ArrayList<>();
            List<Entry> authorPosts = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(NEIGHBOURS)) {
                long millis = arrival.submittedAtMillis();
                query.setArray(1, connection.createArrayOf("integer", boxed(bandKeys)));
                query.setString(2, arrival.authorId());
                query.setString(3, arrival.reviewId());
                query.setLong(4, millis);
                query.setString(5, arrival.authorId());
                query.setString(6, arrival.reviewId());
                query.setLong(7, millis - windowMillis);
                query.setLong(8, millis);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        Entry entry = new Entry(rows.getString(2), rows.getString(3), rows.getString(4), rows.getLong(5),
                                unboxed(rows.getArray(6)));
                        (rows.getBoolean(1) ? candidates : authorPosts).add(entry);
                    }
                }
            }
            if (remember) {
                store(connection, arrival, bandKeys);
            }
            return new Neighbours(candidates, authorPosts);
        } catch (SQLException e) {
            throw new IllegalStateException("The shared submission memory could not be read", e);
        }
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void remember(Entry entry, int[] bandKeys, long windowMillis) {
        try (Connection connection = dataSource.getConnection()) {
            store(connection, entry, bandKeys);
        } catch (SQLException e) {
            throw new IllegalStateException("The shared submission memory could not be written", e);
        }
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void forget(String reviewId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM submission_memory WHERE review_id = ?")) {
            delete.setString(1, reviewId);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("The shared submission memory could not be written", e);
        }
    }

    /** Whether nothing is remembered yet (a new database, or one from before the memory was shared). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean empty() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT NOT EXISTS (SELECT 1 FROM submission_memory)");
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException("The shared submission memory could not be read", e);
        }
    }

    /** Keeps the newest {@code filmreviews.engine.memory-capacity} reviews, as the engine's own memory would. */
    @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void prune() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("""
                        DELETE FROM submission_memory WHERE remembered <
                          (SELECT remembered FROM submission_memory ORDER BY remembered DESC OFFSET ? LIMIT 1)
                        """)) {
            delete.setInt(1, Math.max(0, config.memoryCapacity() - 1));
            delete.executeUpdate();
        }
    }

    private static void lock(Connection connection, String authorId, int[] bandKeys) throws SQLException {
        // One order for everyone (spaces, then keys) so that two arrivals locking overlapping keys cannot deadlock;
        // unnest yields the arrays' elements in order, so the locks are taken in that order.
        int[] bands = bandKeys.clone();
        Arrays.sort(bands);
        Integer[] spaces = new Integer[bands.length + 1];
        Integer[] keys = new Integer[bands.length + 1];
        spaces[0] = AUTHOR_LOCKS;
        keys[0] = authorId.hashCode();
        for (int i = 0; i < bands.length; i++) {
            spaces[i + 1] = BAND_LOCKS;
            keys[i + 1] = bands[i];
        }
        try (PreparedStatement locks = connection.prepareStatement("SELECT " + NO_FLUSH_WAIT
                + ", count(pg_advisory_xact_lock(space, key)) FROM unnest(?, ?) AS l(space, key)")) {
            locks.setArray(1, connection.createArrayOf("integer", spaces));
            locks.setArray(2, connection.createArrayOf("integer", keys));
            locks.executeQuery().close();
        }
    }

    private static void store(Connection connection, Entry entry, int[] bandKeys) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(REMEMBER)) {
            upsert.setString(1, entry.reviewId());
            upsert.setString(2, entry.authorId());
            upsert.setString(3, entry.filmId());
            upsert.setLong(4, entry.submittedAtMillis());
            upsert.setArray(5, connection.createArrayOf("integer", boxed(entry.signature())));
            upsert.setArray(6, connection.createArrayOf("integer", boxed(bandKeys)));
            upsert.executeUpdate();
        }
    }

    private static Integer[] boxed(int[] values) {
        return Arrays.stream(values).boxed().toArray(Integer[]::new);
    }

    private static int[] unboxed(Array array) throws SQLException {
        Integer[] values = (Integer[]) array.getArray();
        int[] result = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }
}
