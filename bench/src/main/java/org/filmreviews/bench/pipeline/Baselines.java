package org.filmreviews.bench.pipeline;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.filmreviews.bench.page.Load;

/**
 * The raw limits of this machine, measured on the servers the system runs on, in the same run: what PostgreSQL
 * and Kafka do with no service in between, and what the catalog's HTTP server does for a request that does no work.
 */
final class Baselines {

    /** A row of about 1 KB, as a review with its metadata is. */
    static final String KILOBYTE = "x".repeat(1000);

    private final BenchTarget target;
    private final Sizes sizes;

    Baselines(BenchTarget target, Sizes sizes) {
        this.target = target;
        this.sizes = sizes;
    }

    /** Single-row inserts of about 1 KB, each its own transaction, from four clients. */
    Load.Result postgresSingleRowInserts() throws Exception {
        String url = scratchTable();
        List<Connection> connections = new ArrayList<>();
        List<PreparedStatement> inserts = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                Connection c = DriverManager.getConnection(url, target.postgres().username(), target.postgres().password());
                connections.add(c);
                inserts.add(c.prepareStatement("INSERT INTO bench_row (id, payload) VALUES (?, ?)"));
            }
            return Load.measure("PostgreSQL single-row 1 KB insert, 4 clients", 4, sizes.warmupSeconds(), sizes.seconds(),
                    thread -> {
                        PreparedStatement insert = inserts.get(thread);
                        insert.setObject(1, UUID.randomUUID());
                        insert.setString(2, KILOBYTE);
                        insert.executeUpdate();
                    });
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    /** Rows per second inserted in batches of 1,000 in one transaction each, from one client (rebuild-like writes). */
    double postgresBatchedInserts() throws Exception {
        String scratch = scratchTable();
        String url = scratch + (scratch.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        try (Connection c = DriverManager.getConnection(url, target.postgres().username(), target.postgres().password());
                PreparedStatement insert = c.prepareStatement("INSERT INTO bench_row (id, payload) VALUES (?, ?)")) {
            c.setAutoCommit(false);
            long rows = 0;
            long start = System.nanoTime();
            long end = start + (long) ((sizes.warmupSeconds() + sizes.seconds()) * 1e9);
            long measuredFrom = start + (long) (sizes.warmupSeconds() * 1e9);
            long measuredRows = 0;
            long measureStart = 0;
            while (System.nanoTime() < end) {
                for (int i = 0; i < 1000; i++) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, KILOBYTE);
                    insert.addBatch();
                }
                insert.executeBatch();
                c.commit();
                rows += 1000;
                if (measureStart == 0 && System.nanoTime() >= measuredFrom) {
                    measureStart = System.nanoTime();
                    measuredRows = rows;
                }
            }
            long now = System.nanoTime();
            return measureStart == 0 ? rows / ((now - start) / 1e9) : (rows - measuredRows) / ((now - measureStart) / 1e9);
        }
    }

    private String scratchTable() throws SQLException {
        target.postgres().ensureDatabase(BenchTarget.SCRATCH_DATABASE);
        String url = target.postgres().jdbcUrl(BenchTarget.SCRATCH_DATABASE);
        try (Connection c = DriverManager.getConnection(url, target.postgres().username(), target.postgres().password());
                Statement sql = c.createStatement()) {
            sql.execute("CREATE TABLE IF NOT EXISTS bench_row (id uuid PRIMARY KEY, payload text NOT NULL,"
                    + " created_at timestamptz NOT NULL DEFAULT now())");
        }
        return url;
    }

    /** Records of 1 KB per second, acks=all and idempotent as the outbox relay sends, as fast as the broker takes them. */
    double kafkaProduceRate() throws Exception {
        String topic = topic("bench.produce");
        KafkaProducer<byte[], byte[]> producer = producer();
        try {
            byte[] value = KILOBYTE.getBytes(StandardCharsets.UTF_8);
            Semaphore inFlight = new Semaphore(10_000);
            AtomicLong acked = new AtomicLong();
            long start = System.nanoTime();
            long measuredFrom = start + (long) (sizes.warmupSeconds() * 1e9);
            long end = measuredFrom + (long) (sizes.seconds() * 1e9);
            long ackedAtStart = -1;
            while (System.nanoTime() < end) {
                if (ackedAtStart < 0 && System.nanoTime() >= measuredFrom) {
                    ackedAtStart = acked.get();
                }
                if (!inFlight.tryAcquire(1, TimeUnit.SECONDS)) {
                    continue; // the broker is behind: the deadline still ends the measurement
                }
                producer.send(new ProducerRecord<>(topic, value), (metadata, failure) -> {
                    inFlight.release();
                    if (failure == null) {
                        acked.incrementAndGet();
                    }
                });
            }
            // Counted at the deadline; what is still in flight is not waited for (close below gives it 5 s).
            return (acked.get() - Math.max(0, ackedAtStart)) / sizes.seconds();
        } finally {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Produce-to-consume latencies in nanoseconds at a low, steady rate: the shortest way an event can travel. */
    long[] kafkaRoundTrips() throws Exception {
        String topic = topic("bench.round-trip");
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, target.kafkaBootstrap());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        try (KafkaProducer<byte[], byte[]> producer = producer();
                KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                        new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            int count = (int) Math.max(10, sizes.roundTripRate() * (sizes.warmupSeconds() + sizes.seconds()));
            int warmup = (int) (sizes.roundTripRate() * sizes.warmupSeconds());
            long[] latencies = new long[count];
            long interval = 1_000_000_000L / sizes.roundTripRate();
            long next = System.nanoTime();
            for (int i = 0; i < count; i++) {
                while (System.nanoTime() < next) {
                    Thread.onSpinWait();
                }
                long sent = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, null, Long.toString(sent).getBytes(StandardCharsets.US_ASCII)));
                long received = awaitOne(consumer);
                // one that never came back counts as the longest wait, so that it shows in the p99 instead of hiding
                latencies[i] = received < 0 ? TimeUnit.SECONDS.toNanos(ROUND_TRIP_WAIT_SECONDS) : received - sent;
                next = sent + interval;
            }
            long[] measured = Arrays.copyOfRange(latencies, Math.min(warmup, count - 1), count);
            Arrays.sort(measured);
            return measured;
        }
    }

    private static final int ROUND_TRIP_WAIT_SECONDS = 10;

    /** When the next record arrived, or -1 when none did within {@link #ROUND_TRIP_WAIT_SECONDS}. */
    private static long awaitOne(KafkaConsumer<byte[], byte[]> consumer) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ROUND_TRIP_WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> ignored : consumer.poll(Duration.ofMillis(1))) {
                return System.nanoTime();
            }
        }
        return -1;
    }

    /** A request that does no work, on the catalog's own JVM and HTTP server: the ceiling for page reads. */
    Load.Result bareGet() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest live = HttpRequest.newBuilder(URI.create(target.catalogManagementUrl() + "/q/health/live")).build();
        return Load.measure("bare GET (catalog JVM, /q/health/live)", sizes.getConnections(), sizes.warmupSeconds(),
                sizes.seconds(),
                thread -> {
                    HttpResponse<Void> response = http.send(live, HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + response.statusCode());
                    }
                });
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, target.kafkaBootstrap());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // A record the broker keeps refusing fails within seconds instead of the default two minutes.
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * The topic, created if need be, once every partition has a leader: records sent before that wait out
     * NOT_LEADER_OR_FOLLOWER retries, which would be measured as the broker's slowness.
     */
    private String topic(String name) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, target.kafkaBootstrap()))) {
            try {
                admin.createTopics(List.of(new NewTopic(name, 6, (short) 1))).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!admin.describeTopics(List.of(name)).allTopicNames().get().get(name).partitions().stream()
                    .allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Topic " + name + " has partitions without a leader after 30 s");
                }
                Thread.sleep(100);
            }
        }
        return name;
    }
}
