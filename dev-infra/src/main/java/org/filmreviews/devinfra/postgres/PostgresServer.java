package org.filmreviews.devinfra.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server on which each service gets a database of its own: the embedded one from Maven
 * artifacts, or any server given by URL.
 */
public interface PostgresServer extends AutoCloseable {

    /** Database names are written into SQL, so only plain identifiers are accepted. */
    Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** JDBC URL of one database on this server. */
    String jdbcUrl(String database);

    String username();

    String password();

    @Override
    void close();

    /** Creates the database unless it exists. */
    default void ensureDatabase(String database) {
        requirePlainName(database);
        try (Connection admin = adminConnection();
                PreparedStatement exists = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = admin.createStatement()) {
                create.execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            if ("42P04".equals(e.getSQLState())) {
                return; // created concurrently by someone else: just as good
            }
            throw new IllegalStateException("Cannot create database " + database + " at " + jdbcUrl("postgres"), e);
        }
    }

    /** Drops the database (closing its connections) and creates it empty: a clean slate for a test run. */
    default void recreateDatabase(String database) {
        requirePlainName(database);
        try (Connection admin = adminConnection(); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot recreate database " + database, e);
        }
    }

    /**
     * Takes a database away as an outage would: new connections are refused ("database is not currently
     * accepting connections") and the open ones are terminated, while the server and its other databases
     * keep running. {@link #allowConnections} brings it back.
     */
    default void refuseConnections(String database) {
        requirePlainName(database);
        try (Connection admin = adminConnection(); Statement sql = admin.createStatement()) {
            sql.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
            sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database
                    + "' AND pid <> pg_backend_pid()");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take database " + database + " away", e);
        }
    }

    /** Ends {@link #refuseConnections}. */
    default void allowConnections(String database) {
        requirePlainName(database);
        try (Connection admin = adminConnection(); Statement sql = admin.createStatement()) {
            sql.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot bring database " + database + " back", e);
        }
    }

    default Connection adminConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl("postgres"), username(), password());
    }

    private static void requirePlainName(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
    }
}
