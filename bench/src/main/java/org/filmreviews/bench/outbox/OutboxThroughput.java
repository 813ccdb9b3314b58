package org.filmreviews.bench.outbox;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.filmreviews.devinfra.kafka.KafkaServerProcess;
import org.filmreviews.devinfra.keys.JwtKeys;
import org.filmreviews.devinfra.launch.Directories;
import org.filmreviews.devinfra.launch.Ports;
import org.filmreviews.devinfra.launch.ServiceEnvironment;
import org.filmreviews.devinfra.launch.ServiceProcess;
import org.filmreviews.devinfra.postgres.EmbeddedPostgresServer;
import org.filmreviews.events.Author;
import org.filmreviews.events.CloudEventHeaders;
import org.filmreviews.events.EventCodec;
import org.filmreviews.events.ReviewSubmitted;
import org.filmreviews.events.Topics;

/**
 * How fast review-service's outbox relay publishes, against the raw limit of a plain Kafka producer
 * with the same settings (idempotent, acks=all, same batching) writing the same records to the same
 * broker in the same run. The relay's work on top of the producer: reading rows in order under an
 * advisory lock, waiting for every acknowledgement, marking rows sent, one transaction per batch.
 * <p>
 * Usage: {@code bench/run.sh OutboxThroughput [events, default 50000] [rounds, default 4]}.
 */
public final class OutboxThroughput {

    private static final int FILMS = 200;

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Path project = Path.of(System.getProperty("filmreviews.project.dir", ".")).toAbsolutePath();
        Path work = Files.createTempDirectory("bench-outbox");
        Path jar = project.resolve("review-service/target/quarkus-app/quarkus-run.jar");

        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startTemporary();
                KafkaServerProcess kafka = KafkaServerProcess.start(work.resolve("kafka"), Ports.free(), Ports.free(),
                        work.resolve("kafka.log"))) {
            postgres.ensureDatabase("reviews");
            JwtKeys keys = JwtKeys.ensure(work.resolve("keys"));
            Map<String, String> env = new HashMap<>(
                    ServiceEnvironment.of(postgres, "reviews", kafka.bootstrapServers(), keys, true));
            env.put("QUARKUS_LOG_LEVEL", "WARN");

            createRawTopic(kafka.bootstrapServers());
            List<byte[]> payloads = payloads(events);
            System.out.printf(Locale.ROOT,
                    "%n%d events of %d bytes on average, %d films (keys), %d rounds (the first warms both up)%n%n",
                    events, payloads.stream().mapToInt(p -> p.length).sum() / events, FILMS, rounds);
            System.out.println("round   raw producer (events/s)   outbox relay (events/s)   relay / raw");
            double rawSum = 0;
            double relaySum = 0;
            try (ServiceProcess service = ServiceProcess.start("review-service", jar, Ports.free(), env, work)) {
                service.awaitReady(Duration.ofSeconds(120));
                for (int round = 1; round <= rounds; round++) {
                    double raw = rawProducer(kafka.bootstrapServers(), payloads);
                    // One commit: the relay finds every row at once, as after an outage or a burst.
                    queue(postgres.jdbcUrl("reviews"), postgres.username(), postgres.password(), payloads);
                    double relay = relayRate(postgres.jdbcUrl("reviews"), postgres.username(), postgres.password(), events,
                            service);
                    if (round > 1 || rounds == 1) {
                        rawSum += raw;
                        relaySum += relay;
                    }
                    System.out.printf(Locale.ROOT, "%5d   %23.0f   %23.0f   %11.2f%s%n", round, raw, relay, relay / raw,
                            round == 1 && rounds > 1 ? "   (warm-up)" : "");
                }
            }
            int measured = rounds > 1 ? rounds - 1 : 1;
            System.out.printf(Locale.ROOT, " mean   %23.0f   %23.0f   %11.2f%n", rawSum / measured, relaySum / measured,
                    relaySum / rawSum);
        } finally {
            Directories.deleteRecursively(work);
        }
    }

    /** Realistic records: ReviewSubmitted payloads of seed-like length, keyed by film. */
    private static List<byte[]> payloads(int events) {
        String body = "A good and strong story about people trapped in a time loop in Stalin's time. Funny and sad at times. "
                .repeat(4);
        List<UUID> films = new ArrayList<>();
        for (int i = 0; i < FILMS; i++) {
            films.add(UUID.randomUUID());
        }
        List<byte[]> payloads = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            payloads.add(EventCodec.encode(new ReviewSubmitted(UUID.randomUUID(), films.get(i % FILMS), 1,
                    new Author(UUID.randomUUID().toString(), "bench" + i, "Bench " + i), 1 + i % 10, null, body, false,
                    Instant.now())));
        }
        return payloads;
    }

    private static String keyOf(byte[] payload) {
        return EventCodec.decode(ReviewSubmitted.class, payload).filmId().toString();
    }

    private static void createRawTopic(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic("bench.raw-producer", 6, (short) 1))).all().get();
        }
    }

    /** The same records with the relay's producer settings, as fast as the producer goes. */
    private static double rawProducer(String bootstrap, List<byte[]> payloads) throws Exception {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        List<String> keys = payloads.stream().map(OutboxThroughput::keyOf).toList();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.partitionsFor("bench.raw-producer"); // metadata first, as the relay has it after its first batch
            long start = System.nanoTime();
            List<Future<RecordMetadata>> sends = new ArrayList<>(payloads.size());
            for (int i = 0; i < payloads.size(); i++) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>("bench.raw-producer", keys.get(i),
                        payloads.get(i));
                record.headers().add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
                record.headers().add(CloudEventHeaders.TYPE, "reviews.review.submitted.v1".getBytes(StandardCharsets.UTF_8));
                sends.add(producer.send(record));
            }
            producer.flush();
            for (Future<RecordMetadata> send : sends) {
                send.get();
            }
            return payloads.size() / seconds(start);
        }
    }

    /** Outbox rows as review-service writes them, committed before the relay starts. */
    private static void queue(String url, String user, String password, List<byte[]> payloads) throws Exception {
        try (Connection db = DriverManager.getConnection(url, user, password)) {
            db.setAutoCommit(false);
            try (Statement clear = db.createStatement()) {
                clear.execute("DELETE FROM outbox_event WHERE sent_at IS NOT NULL");
            }
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO outbox_event"
                    + " (id, topic, event_key, ce_type, ce_subject, payload, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (byte[] payload : payloads) {
                    ReviewSubmitted event = EventCodec.decode(ReviewSubmitted.class, payload);
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, Topics.REVIEW_SUBMITTED);
                    insert.setString(3, event.filmId().toString());
                    insert.setString(4, "reviews.review.submitted.v1");
                    insert.setString(5, event.reviewId().toString());
                    insert.setString(6, new String(payload, StandardCharsets.UTF_8));
                    insert.setTimestamp(7, Timestamp.from(Instant.now()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            db.commit();
        }
    }

    /**
     * Events per second from the relay's first acknowledged batch to its last, read from the sent_at
     * stamps (the service's start-up time is not the relay's).
     */
    private static double relayRate(String url, String user, String password, int events, ServiceProcess service)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        try (Connection db = DriverManager.getConnection(url, user, password); Statement query = db.createStatement()) {
            while (System.nanoTime() < deadline) {
                if (!service.isAlive()) {
                    throw new IllegalStateException("review-service stopped; see " + service.logFile());
                }
                try (ResultSet rs = query
                        .executeQuery("SELECT count(*) FILTER (WHERE sent_at IS NULL), min(sent_at), max(sent_at),"
                                + " count(*) FILTER (WHERE sent_at = (SELECT min(sent_at) FROM outbox_event)) FROM outbox_event")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        Instant first = rs.getTimestamp(2).toInstant();
                        Instant last = rs.getTimestamp(3).toInstant();
                        long firstBatch = rs.getLong(4);
                        double seconds = Duration.between(first, last).toNanos() / 1e9;
                        return (events - firstBatch) / seconds;
                    }
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("The relay did not publish " + events + " events within 10 minutes");
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
