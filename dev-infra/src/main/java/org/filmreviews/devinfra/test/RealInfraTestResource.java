package org.filmreviews.devinfra.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.filmreviews.devinfra.kafka.KafkaTestCluster;
import org.filmreviews.devinfra.keys.JwtKeys;
import org.filmreviews.devinfra.postgres.EmbeddedPostgresServer;
import org.filmreviews.devinfra.postgres.ExternalPostgresServer;
import org.filmreviews.devinfra.postgres.PostgresServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Real infrastructure for a {@code @QuarkusTest}: a Kafka broker (Kafka's own test kit, in this JVM),
 * a PostgreSQL server with an empty database for the service under test, and a fresh token key pair.
 * <p>
 * Init argument {@code database}: the service's database name. With {@code FILMREVIEWS_PG_URL} set,
 * the database {@code <name>_test} is recreated on that server instead of starting an embedded one.
 */
public class RealInfraTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile KafkaTestCluster kafka;
    private PostgresServer postgres;
    private String database = "service";
    private Path keyDirectory;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        kafka = KafkaTestCluster.start();
        postgres = ExternalPostgresServer.fromEnvironment().orElseGet(EmbeddedPostgresServer::startTemporary);
        String db = postgres instanceof EmbeddedPostgresServer ? database : database + "_test";
        postgres.recreateDatabase(db);
        try {
            keyDirectory = Files.createTempDirectory("jwt-keys");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JwtKeys keys = JwtKeys.ensure(keyDirectory);

        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(db));
        config.put("quarkus.datasource.username", postgres.username());
        config.put("quarkus.datasource.password", postgres.password());
        config.put("mp.jwt.verify.publickey.location", keys.publicKey().toString());
        config.put("smallrye.jwt.sign.key.location", keys.privateKey().toString());
        return config;
    }

    /** The running broker, for tests that talk to Kafka directly. */
    public static String bootstrapServers() {
        if (kafka == null) {
            throw new IllegalStateException("The Kafka test cluster is not running");
        }
        return kafka.bootstrapServers();
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
