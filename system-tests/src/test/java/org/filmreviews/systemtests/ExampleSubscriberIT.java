package org.filmreviews.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.filmreviews.devinfra.launch.ApiClient;
import org.filmreviews.devinfra.launch.LocalSystem;
import org.filmreviews.devinfra.launch.ManagedProcess;
import org.filmreviews.devinfra.test.EventTestClient;
import org.filmreviews.devinfra.test.ReviewTexts;
import org.filmreviews.events.CloudEventHeaders;
import org.filmreviews.events.EventCodec;
import org.filmreviews.events.ReviewDecided;
import org.filmreviews.events.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example subscriber of {@code examples/film-subscriber}, run as its README runs it ({@code java -cp
 * "target/classes:target/lib/*" ...}, a process of its own) against the shared system: it prints each published
 * review of its film once, none of another film, drops a copy of a record by {@code ce_id}, and a restart with the
 * same group prints only what was published while it was down.
 *
 * <p>The waits are exact rather than timed: the subscriber commits only after printing, so once its group's committed
 * offset on a partition lies beyond a record, that record has been handled (printed, or dropped) for good.
 */
class ExampleSubscriberIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern REVIEW = Pattern.compile(" review ([0-9a-f-]{36}) v\\d+$");

    static LocalSystem system;
    static final ApiClient api = new ApiClient();
    static String review;
    static String admin;
    private final Random random = new Random();

    @BeforeAll
    static void start() {
        system = SharedSystem.get();
        review = system.url("review-service");
        admin = api.token(review, "admin", "admin");
    }

    @Test
    void printsEachPublishedReviewOfItsFilmOnceDropsCopiesAndResumesWhereItsGroupStopped(@TempDir Path dir) throws Exception {
        String film = newFilm("Subscribed Film");
        String otherFilm = newFilm("Unsubscribed Film");
        String group = "example-subscriber-it-" + UUID.randomUUID();
        Path state = dir.resolve("seen-ids");
        String ada = newAccount("Ada Example");
        String bo = newAccount("Bo Example");
        String cy = newAccount("Cy Example");

        try (DecisionTap tap = new DecisionTap(system.kafkaBootstrapServers());
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                        system.kafkaBootstrapServers(), "acks", "all"), new StringSerializer(), new ByteArraySerializer());
                Admin kafkaAdmin = Admin.create(Map.of("bootstrap.servers", system.kafkaBootstrapServers()));
                Subscriber first = Subscriber.start(film, group, state)) {

            // Two reviews of its film and one of another film, all published.
            String adaOnFilm = post(ada, film);
            String boOnFilm = post(bo, film);
            String adaOnOther = post(ada, otherFilm);
            ConsumerRecord<String, byte[]> adaDecision = tap.publishedDecision(adaOnFilm);
            ConsumerRecord<String, byte[]> boDecision = tap.publishedDecision(boOnFilm);
            ConsumerRecord<String, byte[]> otherDecision = tap.publishedDecision(adaOnOther);

            awaitHandled(kafkaAdmin, group, at(adaDecision), at(boDecision), at(otherDecision));
            await().atMost(Duration.ofSeconds(5)).until(() -> first.printedReviews().size() >= 2);
            assertThat(first.printedReviews()).as(first.describe()).containsExactlyInAnyOrder(adaOnFilm, boOnFilm);
            assertThat(first.stdout()).allSatisfy(line -> assertThat(line).contains(" by ").contains("/10"));

            // A copy of a printed record, as a producer's retry writes it: same key, headers and value, new offset.
            awaitHandled(kafkaAdmin, group, resend(producer, adaDecision));
            assertThat(first.printedReviews()).as(first.describe()).containsExactlyInAnyOrder(adaOnFilm, boOnFilm);
            assertThat(first.stderr()).as(first.describe())
                    .anySatisfy(line -> assertThat(line).startsWith("duplicate " + ceId(adaDecision)));

            // Stopped as an operator stops it: SIGTERM, after which it commits and leaves the group.
            first.stop();
            assertThat(first.stderr()).as(first.describe())
                    .anySatisfy(line -> assertThat(line).isEqualTo("stopped; offsets committed"));

            // While it is down: a new review of its film, and a copy of a record it printed before it stopped.
            String cyOnFilm = post(cy, film);
            ConsumerRecord<String, byte[]> cyDecision = tap.publishedDecision(cyOnFilm);
            TopicPartitionOffset lateCopy = resend(producer, boDecision);

            try (Subscriber second = Subscriber.start(film, group, state)) {
                awaitHandled(kafkaAdmin, group, at(cyDecision), lateCopy);
                await().atMost(Duration.ofSeconds(5)).until(() -> !second.printedReviews().isEmpty());
                assertThat(second.printedReviews()).as(second.describe()).containsExactly(cyOnFilm);
                // It resumed from the committed offsets: what the first run printed was not read again (a re-read would
                // show as a duplicate), while the copy written after the commit was read and dropped by the ids in the
                // state file, which outlived the first process.
                assertThat(second.stderr()).as(second.describe())
                        .noneSatisfy(line -> assertThat(line).contains(ceId(adaDecision)))
                        .filteredOn(line -> line.startsWith("duplicate " + ceId(boDecision))).hasSize(1);
                second.stop();
            }
        }
    }

    private String newFilm(String title) {
        ApiClient.Reply created = api.post(system.url("catalog-service") + "/films", admin,
                Map.of("title", title + " " + UUID.randomUUID().toString().substring(0, 6),
                        "synopsis", "A film made by ExampleSubscriberIT."));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.body().get("id").asText();
    }

    /** A new reviewer; returns its token. */
    private static String newAccount(String displayName) {
        String username = "sub-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post(review + "/accounts", null,
                Map.of("username", username, "displayName", displayName, "password", "long enough")).status()).isEqualTo(201);
        return api.token(review, username, "long enough");
    }

    /** Posts an honest review (one moderation publishes) and returns its id. */
    private String post(String token, String filmId) {
        String body = ReviewTexts.next(random, 20, 12);
        AtomicReference<ApiClient.Reply> reply = new AtomicReference<>();
        // A new film reaches review-service as an event; until then it is an unknown film there.
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            reply.set(api.post(review + "/films/" + filmId + "/reviews", token,
                    Map.of("rating", 1 + random.nextInt(10), "headline", "Seen on " + filmId.substring(0, 8), "body", body)));
            return reply.get().status() == 202;
        });
        return reply.get().body().get("id").asText();
    }

    /** Writes a copy of a record (key, headers, value) as a producer's retry would; returns where it landed. */
    private static TopicPartitionOffset resend(KafkaProducer<String, byte[]> producer, ConsumerRecord<String, byte[]> original)
            throws Exception {
        RecordMetadata sent = producer.send(new ProducerRecord<>(original.topic(), null, original.key(), original.value(),
                original.headers())).get(30, TimeUnit.SECONDS);
        assertThat(sent.partition()).as("the key decides the partition").isEqualTo(original.partition());
        assertThat(sent.offset()).isGreaterThan(original.offset());
        return new TopicPartitionOffset(sent.partition(), sent.offset());
    }

    private static String ceId(ConsumerRecord<String, byte[]> record) {
        return EventTestClient.header(record, CloudEventHeaders.ID);
    }

    private record TopicPartitionOffset(int partition, long offset) {
    }

    private static TopicPartitionOffset at(ConsumerRecord<?, ?> record) {
        return new TopicPartitionOffset(record.partition(), record.offset());
    }

    /** Waits until the group has committed past every given record of the decisions topic. */
    private static void awaitHandled(Admin kafkaAdmin, String group, TopicPartitionOffset... records) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            Map<TopicPartition, OffsetAndMetadata> committed = kafkaAdmin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            for (TopicPartitionOffset record : records) {
                OffsetAndMetadata at = committed.get(new TopicPartition(Topics.REVIEW_DECIDED, record.partition()));
                if (at == null || at.offset() <= record.offset()) {
                    return false;
                }
            }
            return true;
        });
    }

    /** Every decision written from its creation on, read by the test itself to know the real records. */
    private static final class DecisionTap implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;
        private final Map<String, ConsumerRecord<String, byte[]>> decisions = new HashMap<>();

        DecisionTap(String bootstrapServers) {
            consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers, "enable.auto.commit", "false"),
                    new StringDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.REVIEW_DECIDED).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // the seek is lazy: fix the start now, before anything is posted
        }

        /** The decision about a review's first version, which must publish it. */
        ConsumerRecord<String, byte[]> publishedDecision(String reviewId) {
            await().atMost(WAIT).pollInSameThread().until(() -> { // a consumer belongs to one thread
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    try {
                        decisions.putIfAbsent(EventCodec.decode(ReviewDecided.class, record.value()).reviewId().toString(),
                                record);
                    } catch (RuntimeException notADecision) {
                        // another test's poison record: not ours to judge
                    }
                }
                return decisions.containsKey(reviewId);
            });
            ConsumerRecord<String, byte[]> record = decisions.get(reviewId);
            ReviewDecided decided = EventCodec.decode(ReviewDecided.class, record.value());
            assertThat(decided.decision().published()).as("decision about an honest review: %s", decided).isTrue();
            return record;
        }

        @Override
        public void close() {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /**
     * The example program in a process of its own, its stdout and stderr in files. (Files, not pipes: a pipe read while
     * the process exits can end in "Stream closed" and lose the last lines, the very ones that show a clean stop.)
     */
    private record Subscriber(Process process, Path out, Path err) implements AutoCloseable {

        static Subscriber start(String filmId, String group, Path state) throws IOException {
            Path module = Path.of(System.getProperty("filmreviews.project.dir", "..")).toAbsolutePath().normalize()
                    .resolve("examples/film-subscriber/target");
            assertThat(module.resolve("lib")).as("build the example first: mvn -o package -pl examples/film-subscriber")
                    .isDirectory();
            List<String> command = List.of(ManagedProcess.javaExecutable(),
                    // The subscriber runs for seconds on a shared 2-core machine: the quick compiler and one GC thread do.
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-cp", module.resolve("classes") + ":" + module.resolve("lib") + "/*",
                    "org.filmreviews.examples.filmsubscriber.FilmSubscriberMain",
                    system.kafkaBootstrapServers(), filmId, group, state.toString());
            Path logs = Files.createTempDirectory(state.getParent(), "subscriber");
            Path out = logs.resolve("stdout");
            Path err = logs.resolve("stderr");
            return new Subscriber(new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start(),
                    out, err);
        }

        List<String> stdout() {
            return completeLines(out);
        }

        List<String> stderr() {
            return completeLines(err);
        }

        /** The review ids of the printed lines, in the order printed. */
        List<String> printedReviews() {
            return stdout().stream().map(line -> {
                Matcher review = REVIEW.matcher(line);
                assertThat(review.find()).as("a review line: %s", line).isTrue();
                return review.group(1);
            }).toList();
        }

        /** SIGTERM, as Ctrl-C or an orchestrator sends. */
        void stop() throws InterruptedException {
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s after SIGTERM; %s", describe()).isTrue();
        }

        String describe() {
            return "subscriber stdout " + stdout() + ", stderr " + stderr()
                    + (process.isAlive() ? "" : ", exit code " + process.exitValue());
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }

        /** The lines written so far, without one still being written. */
        private static List<String> completeLines(Path file) {
            try {
                String text = Files.readString(file);
                int end = text.lastIndexOf('\n');
                return end < 0 ? List.of() : text.substring(0, end).lines().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
