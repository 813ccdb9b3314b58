package org.filmreviews.bench.page;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;

/**
 * Writes a film's reviews straight into catalog-service's page read model, row for row what its
 * projection writes for a published review (the excerpt cut by the same rule, the summary row
 * updated to match), because publishing 100,000 decisions through Kafka would make the bench about
 * loading, not reading. The small film of the bench goes through the real projection instead.
 */
public final class ReviewRows {

    /** The projection's rule (PageReview.excerptOf): 300 characters, cut at the last space, an ellipsis. */
    static String excerptOf(String body) {
        if (body.length() <= 300) {
            return body;
        }
        int cut = body.lastIndexOf(' ', 300);
        if (cut < 150) {
            cut = 300;
        }
        return body.substring(0, cut).stripTrailing() + "…";
    }

    private static final String[] WORDS = ("the film a time loop coal mine father son past present Stalin perestroika "
            + "story acting photography direction scene moving strong predictable entertaining funny sad deep idea "
            + "mirror hero park fence wire town day again watched child teenager understand great movie soundtrack")
            .split(" ");

    private ReviewRows() {
    }

    /** Inserts {@code count} visible reviews of a film that has none yet, and its summary; returns the histogram. */
    public static int[] insert(String jdbcUrl, String user, String password, UUID filmId, int count, long seed)
            throws SQLException {
        Random random = new Random(seed);
        int[] histogram = new int[10];
        long sum = 0;
        int rated = 0;
        Instant start = Instant.parse("2023-01-01T00:00:00Z");
        try (Connection connection = DriverManager.getConnection(jdbcUrl + "?reWriteBatchedInserts=true", user, password)) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO page_review (review_id, film_id, version, visible, author, author_username, rating, headline,
                        body, excerpt, spoiler, spoiler_sentences, submitted_at, updated_at, helpful, not_helpful, vote_tally)
                    VALUES (?, ?, 1, true, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), ?, ?, ?)""")) {
                for (int i = 0; i < count; i++) {
                    Integer rating = random.nextInt(100) < 8 ? null : 1 + random.nextInt(10);
                    StringBuilder body = new StringBuilder();
                    int words = 8 + random.nextInt(random.nextInt(10) == 0 ? 350 : 120);
                    for (int w = 0; w < words; w++) {
                        body.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
                        if (random.nextInt(12) == 0) {
                            body.append('.');
                        }
                    }
                    String text = body.toString();
                    boolean spoiler = random.nextInt(20) == 0;
                    int helpful = random.nextInt(10) == 0 ? random.nextInt(200) : random.nextInt(5);
                    int notHelpful = random.nextInt(4);
                    insert.setObject(1, UUID.randomUUID());
                    insert.setObject(2, filmId);
                    insert.setString(3, "Reviewer " + i);
                    insert.setString(4, "reviewer" + i);
                    insert.setObject(5, rating);
                    insert.setString(6, random.nextBoolean() ? "Headline " + i : null);
                    insert.setString(7, text);
                    insert.setString(8, excerptOf(text));
                    insert.setBoolean(9, spoiler);
                    insert.setString(10, spoiler ? "0-" + Math.min(text.length(), 40) : "");
                    insert.setTimestamp(11, Timestamp.from(start.plusSeconds(random.nextInt(3 * 365 * 24 * 3600))));
                    insert.setInt(12, helpful);
                    insert.setInt(13, notHelpful);
                    insert.setLong(14, helpful + notHelpful == 0 ? 0 : 1);
                    insert.addBatch();
                    if (rating != null) {
                        histogram[rating - 1]++;
                        sum += rating;
                        rated++;
                    }
                    if (i % 2000 == 1999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            try (PreparedStatement summary = connection.prepareStatement(
                    """
                            INSERT INTO film_rating (film_id, rated_count, rating_sum, histogram, review_count) VALUES (?, ?, ?, ?, ?)""")) {
                Integer[] counts = new Integer[10];
                for (int i = 0; i < 10; i++) {
                    counts[i] = histogram[i];
                }
                summary.setObject(1, filmId);
                summary.setInt(2, rated);
                summary.setLong(3, sum);
                summary.setArray(4, connection.createArrayOf("integer", counts));
                summary.setInt(5, count);
                summary.executeUpdate();
            }
            connection.commit();
            try (var statement = connection.createStatement()) {
                connection.setAutoCommit(true);
                statement.execute("VACUUM ANALYZE page_review");
            }
        }
        return histogram;
    }
}
