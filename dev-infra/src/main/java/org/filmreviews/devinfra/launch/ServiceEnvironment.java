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

    /** The collector services export traces to, when the launcher's environment names one. */
    public static final String OTLP_ENDPOINT = "FILMREVIEWS_OTLP_ENDPOINT";

    /**
     * Traces off unless a collector is given (in the launcher's environment or the system's options): the
     * services then start no recorded trace (a sample ratio of 0) and so do not try to reach a collector that is
     * not there; trace ids are still made and carried, for the logs. A ratio given explicitly is kept.
     */
    public static void chooseTracing(Map<String, String> env) {
        String collector = env.getOrDefault(OTLP_ENDPOINT, System.getenv(OTLP_ENDPOINT));
        if (collector != null && !collector.isBlank()) {
            env.put(OTLP_ENDPOINT, collector);
        } else {
            env.putIfAbsent("FILMREVIEWS_TRACES_SAMPLE_RATIO", "0");
        }
    }
}
