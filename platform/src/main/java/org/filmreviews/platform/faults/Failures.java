package org.filmreviews.platform.faults;

import java.sql.SQLException;
import java.util.Set;

import org.filmreviews.events.InvalidEventException;

/**
 * Tells a failure that goes away by itself (the database restarting, a pool timeout, a lock lost to
 * another writer) from one that never will (an event that breaks the contract). Consumers retry the
 * first kind without skipping the record and dead-letter the second; the REST layer answers the first
 * kind with 503 or 409 instead of 500.
 */
public final class Failures {

    /** What to do about a failure. */
    public enum Kind {
        /** The event can never be processed as it is: dead-letter it at once. */
        POISON,
        /** The database or a lock was in the way: the same work will succeed later. */
        TRANSIENT,
        /** Anything else, probably a bug: retried a few times, then dead-lettered with its reason. */
        UNEXPECTED
    }

    /**
     * SQLSTATE classes and codes that say "not now" rather than "never": connection loss (08),
     * transaction rollback (40: serialization failure, deadlock), insufficient resources (53), operator
     * intervention (57: admin or crash shutdown, cannot connect now, query cancelled), authentication
     * (28, while a password is rotated), a database not accepting connections (55000) and a lock not
     * available (55P03).
     */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "28", "40", "53", "57");
    private static final Set<String> TRANSIENT_CODES = Set.of("55000", "55P03", "55006");
    /** The subset that means the database cannot be reached at all (rather than a conflict with another writer). */
    private static final Set<String> UNAVAILABLE_CLASSES = Set.of("08", "28", "53", "57");
    private static final Set<String> UNAVAILABLE_CODES = Set.of("55000", "57P01", "57P02", "57P03");

    private Failures() {
    }

    public static Kind classify(Throwable failure) {
        boolean transientCause = false;
        for (Throwable cause = failure; cause != null; cause = next(cause, failure)) {
            if (cause instanceof InvalidEventException) {
                return Kind.POISON;
            }
            transientCause |= isTransient(cause);
        }
        return transientCause ? Kind.TRANSIENT : Kind.UNEXPECTED;
    }

    /** The database is down, refusing connections or out of them: a 503 with Retry-After, not a 500. */
    public static boolean isDatabaseUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause, failure)) {
            if (cause instanceof org.hibernate.exception.JDBCConnectionException || isAcquisitionTimeout(cause)) {
                return true;
            }
            String state = sqlState(cause);
            if (state != null && (UNAVAILABLE_CODES.contains(state) || UNAVAILABLE_CLASSES.contains(state.substring(0, 2)))) {
                return true;
            }
        }
        return false;
    }

    /** Another transaction changed the same rows first (optimistic lock, serialization failure, deadlock). */
    public static boolean isWriteConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause, failure)) {
            if (cause instanceof jakarta.persistence.OptimisticLockException
                    || cause instanceof org.hibernate.StaleStateException
                    || cause instanceof jakarta.persistence.PessimisticLockException
                    || cause instanceof org.hibernate.PessimisticLockException) {
                return true;
            }
            String state = sqlState(cause);
            if (state != null && (state.startsWith("40") || state.equals("55P03"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransient(Throwable cause) {
        if (cause instanceof org.hibernate.exception.JDBCConnectionException
                || cause instanceof org.hibernate.exception.LockAcquisitionException
                || cause instanceof org.hibernate.StaleStateException
                || cause instanceof org.hibernate.PessimisticLockException
                || cause instanceof jakarta.persistence.OptimisticLockException
                || cause instanceof jakarta.persistence.PessimisticLockException
                || cause instanceof jakarta.persistence.LockTimeoutException
                || cause instanceof jakarta.persistence.QueryTimeoutException
                // A transaction that timed out or was rolled back under the application: no verdict on the event.
                || cause instanceof jakarta.transaction.RollbackException
                || cause instanceof java.net.ConnectException
                || cause instanceof java.net.SocketTimeoutException
                || isAcquisitionTimeout(cause)) {
            return true;
        }
        String state = sqlState(cause);
        return state != null && state.length() == 5
                && (TRANSIENT_CODES.contains(state) || TRANSIENT_CLASSES.contains(state.substring(0, 2)));
    }

    /** Agroal's "Acquisition timeout while waiting for new connection" carries no SQLSTATE. */
    private static boolean isAcquisitionTimeout(Throwable cause) {
        return cause instanceof SQLException sql && sql.getSQLState() == null && sql.getMessage() != null
                && sql.getMessage().contains("Acquisition timeout");
    }

    private static String sqlState(Throwable cause) {
        if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() == 5) {
            return sql.getSQLState();
        }
        if (cause instanceof org.hibernate.JDBCException jdbc && jdbc.getSQLState() != null
                && jdbc.getSQLState().length() == 5) {
            return jdbc.getSQLState();
        }
        return null;
    }

    /** The next cause, also through the chained exceptions of a SQLException batch; null at the end or on a loop back. */
    private static Throwable next(Throwable cause, Throwable first) {
        Throwable next = cause.getCause();
        if (next == null && cause instanceof SQLException sql) {
            next = sql.getNextException();
        }
        return next == cause || next == first ? null : next;
    }
}
