package org.filmreviews.devinfra.test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Future;

/**
 * Deterministic interleavings of two writers: the first holds an open transaction, the second is
 * started, and the first commits only once the second has either finished or is waiting for a lock
 * in the service's database, whatever the speed of the machine.
 */
public final class Interleaving {

    private Interleaving() {
    }

    /** Waits until {@code second} is done or a session of the service's database waits for a lock. */
    public static void awaitBlockedOrDone(Future<?> second) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!second.isDone() && !someoneWaitsForALock()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The second writer neither finished nor waited for a lock within 20 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted", e);
            }
        }
    }

    private static boolean someoneWaitsForALock() {
        try (Connection db = RealInfraTestResource.databaseConnection();
                Statement sql = db.createStatement();
                ResultSet rs = sql.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                        + " AND datname = current_database()")) {
            rs.next();
            return rs.getLong(1) > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot look at the database's sessions", e);
        }
    }
}
