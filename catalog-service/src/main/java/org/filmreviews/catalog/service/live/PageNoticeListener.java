package org.filmreviews.catalog.service.live;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.filmreviews.catalog.domain.FilmRating;
import org.filmreviews.catalog.domain.PageReview;
import org.filmreviews.catalog.repository.FilmRatingRepository;
import org.filmreviews.catalog.repository.PageReviewRepository;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.postgresql.PGProperty;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Hears the page changes of every instance ({@link PageNoticeChannel}) and hands them to this instance's readers
 * ({@link PageNotices}). The only way a notice reaches a reader: the instance that applied a change hears it here
 * like every other one, so each reader gets each notice once.
 * <p>
 * One connection of its own LISTENs, on a daemon thread that waits for notifications a moment at a time. The
 * connection is opened with the driver directly rather than borrowed from the pool: a LISTEN is session state held
 * for the life of the instance, and a pooled connection would take a pool slot for good, could go back to the pool
 * still listening, and would fail where the pool does not see it (notifications are read under the pool's wrapper),
 * so the pool could lend it out dead. It uses the datasource's URL, user, password and extra JDBC properties.
 * <p>
 * If the connection is lost (the database restarted, failed over, or ended it) the thread connects again, waiting
 * {@code catalog.live.reconnect-backoff}, doubled after each failure up to {@code catalog.live.reconnect-backoff-max}.
 * Notifications sent meanwhile are lost, so once it LISTENs again it tells every reader here to read the page again
 * (a {@link PageChange.Kind#REBUILT} notice); what commits from then on is heard.
 * <p>
 * For a review published, changed or removed, the page's parts are rendered here once for all the film's readers,
 * from the database as it is now (at least as new as the change, which committed before it was delivered), and only
 * when someone here follows the film. Votes carry their totals; rebuilds go to every reader.
 */
@ApplicationScoped
public class PageNoticeListener {

    /** The listening connection's {@code application_name}, as {@code pg_stat_activity} shows it. */
    public static final String APPLICATION_NAME = "catalog-service page notices";

    private static final Logger LOG = Logger.getLogger(PageNoticeListener.class);
    private static final String DATASOURCE = "quarkus.datasource.";
    private static final String JDBC_PROPERTIES = DATASOURCE + "jdbc.additional-jdbc-properties.";
    /** How long one wait for notifications lasts: how soon the thread notices it should stop. */
    private static final int WAIT_MILLIS = 500;
    /** A connection silent for this long is checked, so that one dead without a word (a network gone) is replaced. */
    private static final Duration CHECK_SILENT_AFTER = Duration.ofSeconds(15);
    private static final int CHECK_TIMEOUT_SECONDS = 5;

    @Inject
    PageNotices notices;

    @Inject
    PageReviewRepository reviews;

    @Inject
    FilmRatingRepository ratings;

    @Inject
    PageFragments fragments;

    @Inject
    Config config;

    @Inject
    LiveConfig live;

    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    void start(@Observes StartupEvent startup) {
        running = true;
        thread = new Thread(this::run, "catalog-page-notices");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        Thread listener = thread;
        if (listener != null) {
            listener.interrupt();
            try {
                listener.join(WAIT_MILLIS * 4L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Whether the channel is listened to right now (false while connecting again). Once true, the readers who
     * followed before were told to read their pages again, if they needed to.
     */
    public boolean listening() {
        return listening;
    }

    private void run() {
        Duration backoff = live.reconnectBackoff();
        boolean lost = false;
        while (running) {
            try (Connection connection = connect()) {
                listen(connection, lost);
                backoff = live.reconnectBackoff();
                receive(connection);
            } catch (SQLException | RuntimeException e) {
                listening = false;
                lost = true;
                if (!running) {
                    return;
                }
                LOG.warnf("Live page notices: no connection to the channel (%s); connecting again in %s", e.getMessage(),
                        backoff);
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    return; // stopping
                }
                backoff = backoff.multipliedBy(2).compareTo(live.reconnectBackoffMax()) > 0 ? live.reconnectBackoffMax()
                        : backoff.multipliedBy(2);
            }
        }
        listening = false;
    }

    private void listen(Connection connection, boolean again) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + PageNoticeChannel.CHANNEL);
        }
        // Listening from here on: whatever commits now is heard. Whatever committed before, since the last
        // connection was lost (or before the first one), may have been missed: readers here read their page again.
        // A reader that came after the LISTEN missed nothing; one counted here just before it reads once more.
        int readers = notices.readers();
        if (again) {
            LOG.infof("Live page notices: listening again; readers here told to read their pages again: %d", readers);
        }
        if (readers > 0) {
            deliver(new PageChange(PageChange.Kind.REBUILT, null, null));
        }
        listening = true;
    }

    /** Hands over what is heard until the connection fails (throws) or the service stops (returns). */
    private void receive(Connection connection) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        long lastHeard = System.nanoTime();
        while (running) {
            PGNotification[] received = postgres.getNotifications(WAIT_MILLIS);
            if (received != null && received.length > 0) {
                lastHeard = System.nanoTime();
                for (PGNotification notification : received) {
                    if (PageNoticeChannel.CHANNEL.equals(notification.getName())) {
                        received(notification.getParameter());
                    }
                }
            } else if (System.nanoTime() - lastHeard > CHECK_SILENT_AFTER.toNanos()) {
                if (!connection.isValid(CHECK_TIMEOUT_SECONDS)) {
                    throw new SQLException("the listening connection does not answer");
                }
                lastHeard = System.nanoTime();
            }
        }
    }

    private void received(String payload) {
        PageChange change = PageNoticeChannel.change(payload);
        if (change == null) {
            LOG.warnf("Live page notices: skipping a notice this release cannot read: %s", payload);
            return;
        }
        switch (change.kind()) {
            case REBUILT, VOTED -> deliver(change);
            default -> {
                if (notices.followed(change.filmId())) {
                    deliver(withParts(change));
                }
            }
        }
    }

    /** A reader's failure is that reader's, never the listener's: it must not end the connection. */
    private void deliver(PageChange change) {
        try {
            notices.deliver(change);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Live page notices: could not hand over the notice %s", change);
        }
    }

    /**
     * The change with the page's parts as the database has them now, rendered once for all the film's readers here.
     * Without them (the database away) the notice still goes out, and the page fetches itself again.
     */
    private PageChange withParts(PageChange change) {
        try {
            return change.withHtml(QuarkusTransaction.requiringNew().call(() -> {
                PageReview row = reviews.findById(change.reviewId());
                FilmRating rating = ratings.findById(change.filmId());
                return fragments.render(row != null && row.visible ? row : null,
                        rating == null ? FilmRating.empty(change.filmId()) : rating);
            }));
        } catch (RuntimeException e) {
            LOG.warnf(e, "Live page notices: could not render the parts of film %s that changed", change.filmId());
            return change;
        }
    }

    /**
     * A connection of its own, with the datasource's settings. They are Quarkus' own keys, read here as the extra
     * JDBC properties are rather than mapped a second time.
     */
    private Connection connect() throws SQLException {
        String url = config.getValue(DATASOURCE + "jdbc.url", String.class);
        Properties properties = new Properties();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(JDBC_PROPERTIES)) {
                config.getOptionalValue(name, String.class)
                        .ifPresent(value -> properties.setProperty(name.substring(JDBC_PROPERTIES.length()), value));
            }
        }
        config.getOptionalValue(DATASOURCE + "username", String.class)
                .ifPresent(value -> properties.setProperty(PGProperty.USER.getName(), value));
        config.getOptionalValue(DATASOURCE + "password", String.class)
                .ifPresent(value -> properties.setProperty(PGProperty.PASSWORD.getName(), value));
        properties.setProperty(PGProperty.APPLICATION_NAME.getName(), APPLICATION_NAME);
        properties.setProperty(PGProperty.TCP_KEEP_ALIVE.getName(), "true");
        Connection connection = new org.postgresql.Driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("Not a PostgreSQL URL: " + url);
        }
        return connection;
    }
}
