package org.filmreviews.devinfra.postgres;

import java.net.URI;
import java.util.Optional;

/**
 * A PostgreSQL server that runs elsewhere, given by a JDBC URL such as
 * {@code jdbc:postgresql://db.example:5432/postgres?sslmode=require}. The database in the URL is
 * the one used to create the services' databases; each service gets its own database beside it.
 */
public final class ExternalPostgresServer implements PostgresServer {

    public static final String URL_VARIABLE = "FILMREVIEWS_PG_URL";
    public static final String USER_VARIABLE = "FILMREVIEWS_PG_USER";
    public static final String PASSWORD_VARIABLE = "FILMREVIEWS_PG_PASSWORD";

    private final String hostAndPort;
    private final String adminDatabase;
    private final String query;
    private final String username;
    private final String password;

    public ExternalPostgresServer(String jdbcUrl, String username, String password) {
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException(
                    URL_VARIABLE + " must look like jdbc:postgresql://host:port/database, not " + jdbcUrl);
        }
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        this.hostAndPort = uri.getRawAuthority();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        this.adminDatabase = path.isEmpty() ? "postgres" : path;
        this.query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        this.username = username;
        this.password = password;
    }

    /** The server named by {@value #URL_VARIABLE}, if that variable is set. */
    public static Optional<PostgresServer> fromEnvironment() {
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new ExternalPostgresServer(url.trim(),
                Optional.ofNullable(System.getenv(USER_VARIABLE)).orElse("postgres"),
                Optional.ofNullable(System.getenv(PASSWORD_VARIABLE)).orElse("")));
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + hostAndPort + "/" + ("postgres".equals(database) ? adminDatabase : database) + query;
    }

    @Override
    public String username() {
        return username;
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public void close() {
        // not ours to stop
    }
}
