package org.filmreviews.devinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.filmreviews.devinfra.kafka.KafkaServerProcess;
import org.filmreviews.devinfra.kafka.KafkaTestCluster;
import org.filmreviews.devinfra.keys.JwtKeys;
import org.filmreviews.devinfra.launch.Ports;
import org.filmreviews.devinfra.postgres.EmbeddedPostgresServer;
import org.filmreviews.devinfra.postgres.ExternalPostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealServersTest {

    @Test
    void kafkaTestClusterCarriesRecords() throws Exception {
        try (KafkaTestCluster kafka = KafkaTestCluster.start()) {
            assertThat(KafkaRoundTrip.sendAndReceive(kafka.bootstrapServers(), "hello")).isEqualTo("hello");
        }
    }

    @Test
    void kafkaServerProcessFormatsOnceAndKeepsItsDataAcrossRestarts(@TempDir Path dir) throws Exception {
        int port = Ports.free();
        int controllerPort = Ports.free();
        Path log = dir.resolve("kafka.log");
        try (KafkaServerProcess kafka = KafkaServerProcess.start(dir.resolve("kafka"), port, controllerPort, log)) {
            assertThat(KafkaRoundTrip.sendAndReceive(kafka.bootstrapServers(), "first")).isEqualTo("first");
        }
        assertThat(Ports.inUse(port)).isFalse();
        try (KafkaServerProcess kafka = KafkaServerProcess.start(dir.resolve("kafka"), port, controllerPort, log)) {
            assertThat(KafkaRoundTrip.sendAndReceive(kafka.bootstrapServers(), "second")).isEqualTo("second");
        }
        assertThat(Files.readString(log)).contains("Kafka Server started");
    }

    @Test
    void kafkaRefusesAPortThatIsTaken(@TempDir Path dir) throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> KafkaServerProcess.start(dir, taken.getLocalPort(), Ports.free(), dir.resolve("k.log")))
                    .hasMessageContaining("already in use");
        }
    }

    @Test
    void embeddedPostgresCreatesDatabasesOnceAndKeepsDataAcrossRestarts(@TempDir Path dir) throws Exception {
        int port = Ports.free();
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.startPersistent(dir.resolve("pg"), port)) {
            pg.ensureDatabase("reviews");
            pg.ensureDatabase("reviews");
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("reviews"), pg.username(), pg.password());
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (v text)");
                s.execute("INSERT INTO kept VALUES ('still here')");
            }
        }
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.startPersistent(dir.resolve("pg"), port);
                Connection c = DriverManager.getConnection(pg.jdbcUrl("reviews"), pg.username(), pg.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
        }
    }

    @Test
    void externalServerUrlsKeepHostQueryAndAdminDatabase() {
        ExternalPostgresServer server = new ExternalPostgresServer(
                "jdbc:postgresql://db.example:5433/admin?sslmode=require", "u", "p");
        assertThat(server.jdbcUrl("reviews")).isEqualTo("jdbc:postgresql://db.example:5433/reviews?sslmode=require");
        assertThat(server.jdbcUrl("postgres")).isEqualTo("jdbc:postgresql://db.example:5433/admin?sslmode=require");
        assertThatThrownBy(() -> new ExternalPostgresServer("postgres://x", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jwtKeysAreGeneratedOnceAndReused(@TempDir Path dir) throws Exception {
        JwtKeys first = JwtKeys.ensure(dir);
        String publicPem = Files.readString(first.publicKey());
        JwtKeys second = JwtKeys.ensure(dir);
        assertThat(publicPem).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(Files.readString(second.publicKey())).isEqualTo(publicPem);
        assertThat(Files.readString(second.privateKey())).startsWith("-----BEGIN PRIVATE KEY-----");
    }
}
