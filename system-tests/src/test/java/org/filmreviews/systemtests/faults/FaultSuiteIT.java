package org.filmreviews.systemtests.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.filmreviews.devinfra.launch.LocalSystem;
import org.filmreviews.devinfra.launch.SystemOptions;
import org.filmreviews.devinfra.test.EventTestClient;
import org.filmreviews.devinfra.test.PoisonRecords;
import org.filmreviews.events.EventType;
import org.filmreviews.events.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The delivery guarantees under real faults, on the packaged system started as {@code ./run.sh} starts
 * it: reviews are posted at a steady rate through the public API while the broker is stopped, a
 * service's database refuses connections, a service is killed, poison records arrive, an outbox row
 * cannot be sent; then reviews are raced against votes, edits, withdrawals and moderators; and at the
 * end every topic is replayed from offset 0. After each fault every accepted review must be final once
 * and, when published, on its film page: lost and duplicated are 0 in every row of the table this
 * prints (and writes to {@code target/fault-table.md}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteIT {

    static final Scale SCALE = Scale.fromSystemProperty();
    static final FaultTable TABLE = new FaultTable(SCALE.name());
    static LocalSystem system;
    static Cast cast;

    @BeforeAll
    static void start() throws Exception {
        Path project = Path.of(System.getProperty("filmreviews.project.dir", "..")).toAbsolutePath().normalize();
        system = LocalSystem.start(SystemOptions.isolated(project, Files.createTempDirectory("film-reviews-faults"))
                .withSeed(false)
                .withEnvironment(Map.of(
                        // many reviews per reviewer in a short time: the per-author limit is not what is tested here
                        "FILMREVIEWS_REVIEWS_RATE_LIMIT_MAX", "1000000",
                        // an outbox row refused for what it is gets parked after three tries, a lingering one after 5 s
                        "FILMREVIEWS_OUTBOX_PARK_AFTER_ATTEMPTS", "3",
                        "FILMREVIEWS_OUTBOX_PARK_AFTER", "5s")));
        cast = Cast.of(system, SCALE.films(), SCALE.reviewers());
    }

    @AfterAll
    static void stop() {
        System.out.println(TABLE.render());
        TABLE.write(Path.of("target", "fault-table.md"));
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void theBrokerStoppedMidStreamLosesNothingAndTheApiStaysUp() throws Exception {
        ReviewStream stream = ReviewStream.start(cast, SCALE.perSecond(), SCALE.streamAround(SCALE.brokerOutage()));
        Thread.sleep(SCALE.lead().toMillis());
        long stoppedAt = System.nanoTime();
        system.stopKafka();
        Thread.sleep(SCALE.brokerOutage().toMillis() / 2);
        List<Integer> readiness = statusOfEachService("/q/health/ready");
        List<Integer> liveness = statusOfEachService("/q/health/live");
        int page = Http.get(cast.catalogUrl + "/films/" + cast.films.get(0), null).status();
        Thread.sleep(SCALE.brokerOutage().toMillis() / 2);
        long restartedAt = System.nanoTime();
        system.startKafka();
        List<ReviewStream.Posted> posted = stream.finish(SCALE.settle());

        List<ReviewStream.Posted> duringOutage = posted.stream()
                .filter(r -> r.firstTriedAt > stoppedAt && r.firstTriedAt < restartedAt).toList();
        long acceptedAtOnce = duringOutage.stream().filter(r -> r.accepted() && r.attempts == 1).count();
        FaultTable.Row row = Census.count("broker stopped " + SCALE.brokerOutage().toSeconds() + " s", posted, cast,
                system.kafkaBootstrapServers(), SCALE.settle(), List.of(
                        "readiness during the outage " + readiness + " and liveness " + liveness
                                + " (review, moderation, catalog)",
                        "film page " + page,
                        acceptedAtOnce + "/" + duringOutage.size() + " posts during the outage accepted at once"));
        TABLE.add(row);
        assertGuarantees(row);
        assertThat(readiness).as("no service leaves rotation because the broker is away").containsOnly(200);
        assertThat(liveness).as("nor is any restarted for it").containsOnly(200);
        assertThat(page).isEqualTo(200);
        assertThat(acceptedAtOnce).as("the outbox takes reviews while the broker is away").isEqualTo(duringOutage.size());
    }

    @Test
    @Order(2)
    void reviewServicesDatabaseAway() throws Exception {
        databaseAway("review-service");
    }

    @Test
    @Order(3)
    void moderationServicesDatabaseAway() throws Exception {
        databaseAway("moderation-service");
    }

    @Test
    @Order(4)
    void catalogServicesDatabaseAway() throws Exception {
        databaseAway("catalog-service");
    }

    @Test
    @Order(5)
    void reviewServiceKilled() throws Exception {
        killed("review-service");
    }

    @Test
    @Order(6)
    void moderationServiceKilled() throws Exception {
        killed("moderation-service");
    }

    @Test
    @Order(7)
    void catalogServiceKilled() throws Exception {
        killed("catalog-service");
    }

    @Test
    @Order(8)
    void poisonRecordsOfFiveKindsOnEveryInputGoToTheirDeadLetterTopicsAndNothingElseStops() throws Exception {
        ReviewStream stream = ReviewStream.start(cast, SCALE.perSecond(), SCALE.streamAround(Duration.ofSeconds(5)));
        Thread.sleep(SCALE.lead().toMillis());
        Map<String, List<String>> consumers = Map.of(
                Topics.REVIEW_SUBMITTED, List.of("moderation-service"),
                Topics.REVIEW_WITHDRAWN, List.of("moderation-service", "catalog-service"),
                Topics.REVIEW_VOTED, List.of("catalog-service"),
                Topics.REVIEW_APPEALED, List.of("moderation-service"),
                Topics.REVIEW_REPORTED, List.of("moderation-service"),
                Topics.REVIEW_DECIDED, List.of("review-service", "catalog-service"),
                Topics.FILM_CHANGED, List.of("review-service", "moderation-service"));
        Map<String, List<PoisonRecords.Poison>> sent = new java.util.LinkedHashMap<>();
        try (EventTestClient kafka = new EventTestClient(system.kafkaBootstrapServers())) {
            for (EventType type : EventType.values()) {
                List<PoisonRecords.Poison> poisons = PoisonRecords.of(type);
                PoisonRecords.send(kafka, poisons);
                sent.put(type.topic(), poisons);
            }
        }
        List<ReviewStream.Posted> posted = stream.finish(SCALE.settle());

        int letters = 0;
        List<String> missing = new ArrayList<>();
        for (var entry : sent.entrySet()) {
            for (String service : consumers.get(entry.getKey())) {
                List<ConsumerRecord<String, byte[]>> dead = deadLetters(Topics.deadLetter(service, entry.getKey()),
                        entry.getValue());
                for (PoisonRecords.Poison poison : entry.getValue()) {
                    boolean found = dead.stream().anyMatch(r -> poison.key().equals(r.key())
                            && EventTestClient.header(r, "dead-letter-reason").contains(poison.reason()));
                    letters += found ? 1 : 0;
                    if (!found) {
                        missing.add(poison.kind() + " on " + entry.getKey() + " at " + service);
                    }
                }
            }
        }
        int expected = consumers.values().stream().mapToInt(List::size).sum() * PoisonRecords.KINDS;
        FaultTable.Row row = Census.count(
                "poison records, " + PoisonRecords.KINDS + " kinds on each of the " + sent.size() + " topics",
                posted, cast,
                system.kafkaBootstrapServers(), SCALE.settle(),
                List.of(letters + "/" + expected + " dead letters (one per kind and consuming input) with their reason"));
        TABLE.add(row);
        assertGuarantees(row);
        assertThat(missing).as("poison records without their dead letter").isEmpty();
    }

    @Test
    @Order(9)
    void anOutboxRowTheBrokerRefusesIsParkedWhileEverythingAfterItIsPublished() throws Exception {
        OutboxRefusal refusal = new OutboxRefusal(system, cast);
        refusal.shrinkSubmittedTopic();
        ReviewStream stream = ReviewStream.start(cast, SCALE.perSecond(), SCALE.streamAround(Duration.ofSeconds(5)));
        Thread.sleep(SCALE.lead().toMillis());
        ReviewStream.Posted tooLarge = refusal.postTooLarge();
        List<ReviewStream.Posted> posted = new ArrayList<>(stream.finish(SCALE.settle()));
        Duration parkedAfter = refusal.awaitParked(tooLarge, SCALE.settle());
        FaultTable.Row others = Census.count("(the others)", posted, cast, system.kafkaBootstrapServers(), SCALE.settle(),
                List.of());
        boolean stuckMeanwhile = !Census.FINAL.contains(Http.get(cast.reviewUrl + "/reviews/" + tooLarge.id, tooLarge.token())
                .body().get("status").asText());

        refusal.restoreSubmittedTopic();
        refusal.releaseParked();
        posted.add(tooLarge);
        FaultTable.Row row = Census.count("an outbox row the topic refuses (too large)", posted, cast,
                system.kafkaBootstrapServers(),
                SCALE.settle(),
                List.of("parked " + parkedAfter.toMillis() / 1000.0 + " s after it was written, while " + others.finals()
                        + " later reviews became final", "released after the topic's limit was raised, then final"));
        TABLE.add(row);
        assertGuarantees(others);
        assertGuarantees(row);
        assertThat(stuckMeanwhile).as("the refused review waited, parked, until the fix").isTrue();
    }

    @Test
    @Order(10)
    void editsVotesWithdrawalsAndModeratorsRacingOnOneReviewLeaveTalliesAndStatesThatAgree() throws Exception {
        FaultTable.Row row = new Concurrency(system, cast, SCALE).run();
        TABLE.add(row);
        assertGuarantees(row);
    }

    @Test
    @Order(11)
    void replayingEveryTopicFromTheStartIntoFreshConsumerGroupsChangesNothing() throws Exception {
        FaultTable.Row row = new Replay(system, cast).run();
        TABLE.add(row);
        assertGuarantees(row);
    }

    private void databaseAway(String service) throws Exception {
        String database = LocalSystem.databaseOf(service);
        long deadLettersBefore = deadLetterCount(service);
        ReviewStream stream = ReviewStream.start(cast, SCALE.perSecond(), SCALE.streamAround(SCALE.databaseOutage()));
        Thread.sleep(SCALE.lead().toMillis());
        system.postgres().refuseConnections(database);
        Http.Reply probe;
        int ready;
        try {
            Thread.sleep(Math.min(3000, SCALE.databaseOutage().toMillis() / 2));
            long asked = System.nanoTime();
            probe = probe(service);
            Duration answeredIn = Duration.ofNanos(System.nanoTime() - asked);
            ready = Http.get(system.managementUrl(service) + "/q/health/ready", null).status();
            assertThat(answeredIn).as("an answer, not a hang").isLessThan(Duration.ofSeconds(10));
            Thread.sleep(Math.max(0, SCALE.databaseOutage().toMillis() - 3000));
        } finally {
            system.postgres().allowConnections(database);
        }
        List<ReviewStream.Posted> posted = stream.finish(SCALE.settle());
        FaultTable.Row row = Census.count(service + "'s database away " + SCALE.databaseOutage().toSeconds() + " s", posted,
                cast,
                system.kafkaBootstrapServers(), SCALE.settle(), new ArrayList<>(List.of(
                        "its API answered " + probe.status() + " with Retry-After " + probe.header("Retry-After"),
                        "readiness " + ready)));
        long deadLettered = deadLetterCount(service) - deadLettersBefore;
        row.notes().add(deadLettered + " dead-lettered");
        TABLE.add(row);
        assertGuarantees(row);
        assertThat(probe.status()).isEqualTo(503);
        assertThat(probe.header("Retry-After")).isNotBlank();
        assertThat(ready).isEqualTo(503);
        assertThat(deadLettered).as("a database blip is waited out, never dead-lettered").isZero();
    }

    private void killed(String service) throws Exception {
        ReviewStream stream = ReviewStream.start(cast, SCALE.perSecond(), SCALE.streamAround(Duration.ofSeconds(8)));
        Thread.sleep(SCALE.lead().toMillis());
        system.crash(service);
        long killedAt = System.nanoTime();
        system.restart(service);
        Duration down = Duration.ofNanos(System.nanoTime() - killedAt);
        List<ReviewStream.Posted> posted = stream.finish(SCALE.settle());
        FaultTable.Row row = Census.count(service + " killed (SIGKILL) and restarted", posted, cast,
                system.kafkaBootstrapServers(),
                SCALE.settle(), List.of("ready again after " + down.toSeconds() + " s"));
        TABLE.add(row);
        assertGuarantees(row);
    }

    private static List<Integer> statusOfEachService(String path) {
        return LocalSystem.SERVICES.stream().map(service -> Http.get(system.managementUrl(service) + path, null).status())
                .toList();
    }

    /** An endpoint of the service that needs its database. */
    private Http.Reply probe(String service) {
        return switch (service) {
            case "review-service" -> Http.send("POST", cast.reviewUrl + "/films/" + cast.films.get(0) + "/reviews",
                    cast.reviewers.get(0).token(), Map.of(), Map.of("body", "Posted while the database is away."));
            case "moderation-service" -> Http.get(cast.moderationUrl + "/moderation/queue", cast.moderatorToken);
            default -> Http.get(cast.catalogUrl + "/films/" + cast.films.get(0), null);
        };
    }

    /** How many records the service's dead-letter topics hold (end offsets: nothing is read). */
    private static long deadLetterCount(String service) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", system.kafkaBootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            for (EventType type : EventType.values()) {
                String topic = Topics.deadLetter(service, type.topic());
                if (admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(topic)) {
                    admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic).partitions()
                            .forEach(p -> ends.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
                }
            }
            return admin.listOffsets(ends).all().get(10, TimeUnit.SECONDS).values().stream()
                    .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
        }
    }

    private List<ConsumerRecord<String, byte[]>> deadLetters(String topic, List<PoisonRecords.Poison> poisons) {
        List<String> keys = poisons.stream().map(PoisonRecords.Poison::key).toList();
        try (EventTestClient kafka = new EventTestClient(system.kafkaBootstrapServers())) {
            return kafka.read(topic, Duration.ofSeconds(60),
                    read -> read.stream().map(ConsumerRecord::key).toList().containsAll(keys));
        }
    }

    private static void assertGuarantees(FaultTable.Row row) {
        assertThat(row.problems()).as(row.fault()).isEmpty();
        assertThat(row.lost()).as(row.fault() + ": lost").isZero();
        assertThat(row.duplicated()).as(row.fault() + ": duplicated").isZero();
        assertThat(row.accepted()).as(row.fault() + ": accepted").isEqualTo(row.sent());
    }
}
