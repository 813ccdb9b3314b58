package org.filmreviews.devinfra.launch;

import java.util.LinkedHashMap;
import java.util.Map;

import org.filmreviews.devinfra.keys.JwtKeys;
import org.filmreviews.devinfra.postgres.PostgresServer;

/** The environment variables that point a packaged service at its database, the broker and the token keys. */
public final class ServiceEnvironment {

    private ServiceEnvironment() {
    }

    /**
     * @param signsTokens true for review-service, the only service that holds the private key
     */
    public static Map<String, String> of(PostgresServer postgres, String database, String kafkaBootstrap, JwtKeys keys,
            boolean signsTokens) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", postgres.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        env.put("FILMREVIEWS_JWT_PUBLIC_KEY", keys.publicKey().toAbsolutePath().toString());
        if (signsTokens) {
            env.put("FILMREVIEWS_JWT_PRIVATE_KEY", keys.privateKey().toAbsolutePath().toString());
        }
        return env;
    }
}
