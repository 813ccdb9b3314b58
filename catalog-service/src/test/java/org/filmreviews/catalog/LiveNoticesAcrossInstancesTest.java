package org.filmreviews.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.filmreviews.catalog.LiveNoticesTest.SseReader;
import org.filmreviews.catalog.service.live.PageChange;
import org.filmreviews.catalog.service.live.PageNoticeChannel;
import org.filmreviews.catalog.service.live.PageNoticeListener;
import org.filmreviews.devinfra.test.EventTestClient;
import org.filmreviews.devinfra.test.RealInfraTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Live notices with several instances on one database: whichever instance applied a change, the readers of every
 * instance hear of it, through the database's NOTIFY. Another instance is played honestly by a connection of its
 * own to the same database, writing the page rows and sending the notice in one transaction as its projection does.
 */
@QuarkusTest
class LiveNoticesAcrossInstancesTest {

    private static final Instant T0 = Instant.parse("2026-04-01T10:00:00Z");

    @TestHTTPResource("/")
    URL base;

    @Inject
    PageNoticeListener listener;

    private EventTestClient kafka;
    private String filmId;
    private UUID film;

    @BeforeEach
    void setUp() {
        await().atMost(Duration.ofSeconds(30)).until(listener::listening);
        kafka = new EventTestClient(RealInfraTestResource.bootstrapServers());
        filmId = FilmsTest.createFilm(Map.of("title", "Shared " + UUID.randomUUID()));
        film = UUID.fromString(filmId);
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    @Test
    void aReaderHereHearsOfAReviewAndVotesThatAnotherInstanceApplied() throws Exception {
        UUID review = UUID.randomUUID();
        try (SseReader reader = LiveNoticesTest.follow(base, listener, filmId);
                Connection otherInstance = RealInfraTestResource.databaseConnection()) {
            otherInstance.setAutoCommit(false);
            insertPublishedReview(otherInstance, review, "Ottilie", 8, "Seen from the other instance: a quiet, patient film.");
            announce(otherInstance, new PageChange(PageChange.Kind.PUBLISHED, film, review));
            // PostgreSQL delivers the notice only on commit: until then nobody hears of a row nobody can read.
            assertThat(reader.received.poll(1, TimeUnit.SECONDS)).as("no notice before the commit").isNull();
            otherInstance.commit();

            LiveNoticesTest.Sent published = reader.next();
            assertThat(published.name()).isEqualTo("review");
            JsonPath notice = JsonPath.from(published.data());
            assertThat(notice.getString("kind")).isEqualTo("published");
            assertThat(notice.getString("filmId")).isEqualTo(filmId);
            assertThat(notice.getString("reviewId")).isEqualTo(review.toString());
            // The notice carried ids only; this instance rendered the parts from the rows the other one committed.
            assertThat(notice.getString("reviewHtml")).startsWith("<li id=\"review-" + review + "\">")
                    .contains("Seen from the other instance: a quiet, patient film.").contains("Ottilie");
            assertThat(notice.getString("ratingHtml")).contains("<strong>8.0</strong>");
            assertThat(notice.getInt("reviewCount")).isEqualTo(1);

            try (PreparedStatement votes = otherInstance.prepareStatement(
                    "UPDATE page_review SET helpful = 4, not_helpful = 1, vote_tally = 5, updated_at = now() WHERE review_id = ?")) {
                votes.setObject(1, review);
                votes.executeUpdate();
            }
            announce(otherInstance, new PageChange(PageChange.Kind.VOTED, film, review, 4, 1));
            otherInstance.commit();
            JsonPath voted = JsonPath.from(reader.next().data());
            assertThat(voted.getString("kind")).isEqualTo("voted");
            assertThat(voted.getInt("helpful")).isEqualTo(4);
            assertThat(voted.getInt("notHelpful")).isEqualTo(1);

            assertThat(reader.received.poll(1, TimeUnit.SECONDS)).as("each change told once").isNull();
        }
    }

    @Test
    void aChangeAppliedHereIsSentToEveryInstanceAndReachesItsReaderHereOnce() throws Exception {
        UUID review = UUID.randomUUID();
        try (SseReader reader = LiveNoticesTest.follow(base, listener, filmId);
                Connection otherInstance = RealInfraTestResource.databaseConnection()) {
            try (Statement listen = otherInstance.createStatement()) {
                listen.execute("LISTEN " + PageNoticeChannel.CHANNEL);
            }
            new ReviewEvents(kafka, filmId).publish(review, 1, "Wenzel", 7, "Applied by this instance, heard by all.", T0);

            JsonPath notice = JsonPath.from(reader.next().data());
            assertThat(notice.getString("kind")).isEqualTo("published");
            assertThat(notice.getString("reviewId")).isEqualTo(review.toString());
            assertThat(notice.getString("reviewHtml")).contains("Applied by this instance, heard by all.");
            // No second, in-process way: the reader here hears the change once, as readers elsewhere do.
            assertThat(reader.received.poll(1500, TimeUnit.MILLISECONDS)).as("each change told once").isNull();

            // What another instance heard: the same change, announced by the projection's transaction.
            List<PageChange> heard = new ArrayList<>();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                PGNotification[] got = otherInstance.unwrap(PGConnection.class).getNotifications(200);
                if (got != null) {
                    for (PGNotification notification : got) {
                        heard.add(PageNoticeChannel.change(notification.getParameter()));
                    }
                }
                assertThat(heard).contains(new PageChange(PageChange.Kind.PUBLISHED, film, review));
            });
        }
    }

    @Test
    void aReaderStillHearsOfChangesAfterTheListeningConnectionWasKilled() throws Exception {
        try (SseReader reader = LiveNoticesTest.follow(base, listener, filmId);
                Connection admin = RealInfraTestResource.databaseConnection()) {
            try (PreparedStatement kill = admin.prepareStatement(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?")) {
                kill.setString(1, PageNoticeListener.APPLICATION_NAME);
                try (ResultSet killed = kill.executeQuery()) {
                    assertThat(killed.next()).as("the listening connection").isTrue();
                    assertThat(killed.getBoolean(1)).isTrue();
                }
            }

            // Notices sent while it was away are lost, so once it listens again its readers are told to read again.
            // Soon: after a connection that worked, the first wait is the shortest (500 ms), whatever outages came before.
            LiveNoticesTest.Sent reload = reader.received.poll(5, TimeUnit.SECONDS);
            assertThat(reload).as("a notice within 5 s").isNotNull();
            assertThat(reload.name()).isEqualTo("rebuilt");
            // (told after its LISTEN: what commits from here on is heard)

            UUID review = UUID.randomUUID();
            new ReviewEvents(kafka, filmId).publish(review, 1, "Ida", 9, "Published after the listener came back.", T0);
            JsonPath notice = JsonPath.from(reader.next().data());
            assertThat(notice.getString("kind")).isEqualTo("published");
            assertThat(notice.getString("reviewId")).isEqualTo(review.toString());
        }
    }

    @Test
    void aNoticeIsAFewFieldsThatReadBackAsTheChange() {
        UUID review = UUID.randomUUID();
        for (PageChange change : List.of(new PageChange(PageChange.Kind.PUBLISHED, film, review),
                new PageChange(PageChange.Kind.VOTED, film, review, 12, 0),
                new PageChange(PageChange.Kind.REBUILT, null, null))) {
            String payload = PageNoticeChannel.payload(3, change);
            // Far below PostgreSQL's limit of 8000 bytes, whatever the review says: no text travels.
            assertThat(payload.length()).isLessThan(200);
            assertThat(PageNoticeChannel.change(payload)).isEqualTo(change);
        }
        // An instance of another release may send what this one cannot read: skipped, not misread.
        assertThat(PageNoticeChannel.change("v2 0 PUBLISHED " + film + " " + review + " - -")).isNull();
        assertThat(PageNoticeChannel.change("v1 0 SHUFFLED " + film + " " + review + " - -")).isNull();
    }

    /** The rows another instance's projection writes when it publishes a film's first review. */
    private void insertPublishedReview(Connection connection, UUID review, String author, int rating, String body)
            throws Exception {
        try (PreparedStatement row = connection
                .prepareStatement("INSERT INTO page_review (review_id, film_id, version, visible, author,"
                        + " author_username, rating, body, excerpt, spoiler, spoiler_sentences, submitted_at, updated_at)"
                        + " VALUES (?, ?, 1, true, ?, ?, ?, ?, ?, false, '', ?, now())")) {
            row.setObject(1, review);
            row.setObject(2, film);
            row.setString(3, author);
            row.setString(4, author.toLowerCase());
            row.setInt(5, rating);
            row.setString(6, body);
            row.setString(7, body);
            row.setTimestamp(8, Timestamp.from(T0));
            row.executeUpdate();
        }
        int[] histogram = new int[10];
        histogram[rating - 1] = 1;
        try (PreparedStatement summary = connection
                .prepareStatement("INSERT INTO film_rating (film_id, rated_count, rating_sum,"
                        + " histogram, review_count) VALUES (?, 1, ?, ?, 1)")) {
            summary.setObject(1, film);
            summary.setInt(2, rating);
            summary.setArray(3, connection.createArrayOf("integer", Arrays.stream(histogram).boxed().toArray()));
            summary.executeUpdate();
        }
    }

    /** What the other instance's projection sends in its transaction, encoded the way it encodes it. */
    private static void announce(Connection connection, PageChange change) throws Exception {
        try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, PageNoticeChannel.CHANNEL);
            notify.setString(2, PageNoticeChannel.payload(0, change));
            notify.executeQuery().close();
        }
    }
}
