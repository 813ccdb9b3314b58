package org.filmreviews.systemtests.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

import org.filmreviews.devinfra.launch.LocalSystem;
import org.filmreviews.devinfra.launch.SystemOptions;
import org.filmreviews.devinfra.test.ReviewTexts;
import org.filmreviews.events.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two instances of every service on a cluster of three brokers, started as {@code ./run.sh --instances 2 --brokers 3}
 * starts them, answer as one instance on one broker would: every topic has three copies, two needed for a write; reviews posted to both review-service instances in turn
 * are final once each while a broker is killed and comes back and while instances are added and removed; a flood
 * and a copy are recognised whichever instance took the earlier posts; what one moderation instance learned the
 * other uses; a reader following a page live on either catalog instance hears of every change.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {

    static final Scale SCALE = Scale.fromSystemProperty();
    static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    static LocalSystem system;
    static Cast cast;

    @BeforeAll
    static void start() throws Exception {
        Path project = Path.of(System.getProperty("filmreviews.project.dir", "..")).toAbsolutePath().normalize();
        system = LocalSystem.start(SystemOptions.isolated(project, Files.createTempDirectory("film-reviews-scale-out"))
                .withSeed(false).withInstances(2).withBrokers(3)
                // many reviews per reviewer in a short time: the per-author limit is not what is tested here
                .withEnvironment(Map.of("FILMREVIEWS_REVIEWS_RATE_LIMIT_MAX", "1000000")));
        cast = Cast.of(system, SCALE.films() / 2, SCALE.reviewers() / 2);
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void reviewsPostedToBothInstancesAreFinalOnceWhileABrokerIsKilledAndInstancesComeAndGo() throws Exception {
        Map<String, Long> untouched = Map.of(
                "review-service 1", system.instance("review-service", 1).pid(),
                "review-service 2", system.instance("review-service", 2).pid(),
                "moderation-service 1", system.instance("moderation-service", 1).pid(),
                "catalog-service 1", system.instance("catalog-service", 1).pid());
        ReviewStream stream = ReviewStream.start(cast, SCALE.perSecond(), Duration.ofSeconds(20));
        Thread.sleep(SCALE.lead().toMillis());
        system.killBroker(2);
        Thread.sleep(SCALE.brokerOutage().toMillis());
        system.startBroker(2);
        replicationOfEveryTopic();
        // one instance of each consumer added, then one removed: the groups rebalance twice while reviews flow
        system.startInstance("moderation-service", 3);
        system.startInstance("catalog-service", 3);
        system.stopInstance("moderation-service", 2);
        system.killInstance("catalog-service", 2);
        List<ReviewStream.Posted> posted = stream.finish(SCALE.settle());

        FaultTable.Row row = Census.count("2 instances, 3 brokers: a broker killed, instances added and removed", posted,
                cast, system.kafkaBootstrapServers(), SCALE.settle(), List.of());
        System.out.println(row);
        assertThat(row.accepted()).as("every post accepted: %s", row.problems()).isEqualTo(row.sent());
        assertThat(row.lost()).as("lost: %s", row.problems()).isZero();
        assertThat(row.duplicated()).as("duplicated: %s", row.problems()).isZero();
        assertThat(row.sent()).isGreaterThanOrEqualTo(SCALE.perSecond() * 15);
        for (Map.Entry<String, Long> instance : untouched.entrySet()) {
            String[] name = instance.getKey().split(" ");
            assertThat(system.instance(name[0], Integer.parseInt(name[1])).pid())
                    .as("%s never needed a restart", instance.getKey()).isEqualTo(instance.getValue());
            assertThat(Http.get(system.managementUrl(name[0], Integer.parseInt(name[1])) + "/q/health/ready", null).status())
                    .as("%s ready", instance.getKey()).isEqualTo(200);
        }
    }

    @Test
    @Order(2)
    void aCopyPostedThroughTheOtherInstanceOnAnotherFilmIsHeldAndItsLessonReachesEveryModerationInstance() throws Exception {
        String text = ReviewTexts.next(new Random(), 30, 25);
        Cast.Reviewer original = cast.signUp("original-" + RUN);
        Cast.Reviewer copier = cast.signUp("copier-" + RUN);
        String first = post(system.url("review-service", 1), original, cast.films.get(0), text);
        assertThat(awaitFinal(first, original)).isEqualTo("PUBLISHED");
        String copy = post(system.url("review-service", 2), copier, cast.films.get(1), text);
        assertThat(awaitFinal(copy, copier)).isEqualTo("IN_REVIEW");
        Http.Reply decided = Http.get(system.url("moderation-service", 3) + "/moderation/cases/" + copy, cast.moderatorToken);
        assertThat(decided.text()).contains("spam.duplicate").contains("for another film");

        long before = decisionsLearned(1);
        assertThat(decisionsLearned(3)).as("both instances start from the same stored state").isEqualTo(before);
        Cast.require(Http.send("POST", system.url("moderation-service", 1) + "/moderation/cases/" + copy + "/decision",
                cast.moderatorToken, Map.of(), Map.of("decision", "REJECT", "reason", "copied")), 200);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while ((decisionsLearned(1) <= before || decisionsLearned(3) <= before) && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertThat(List.of(decisionsLearned(1), decisionsLearned(3)))
                .as("whichever instance learned the lesson, both decide with it").containsOnly(before + 1);
    }

    @Test
    @Order(3)
    void anAuthorPostingThroughBothInstancesGetsTheFloodAllowanceOfOne() throws Exception {
        Cast.Reviewer flooder = cast.signUp("flooder-" + RUN);
        String text = ReviewTexts.next(new Random(), 20, 10);
        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = post(cast.reviewUrls.get(i % 2), flooder, cast.films.get(2 + i), text);
            statuses.add(awaitFinal(id, flooder));
        }
        // the allowance is three nearly identical posts in the flood window, counted over both instances
        assertThat(statuses).containsExactly("PUBLISHED", "PUBLISHED", "PUBLISHED", "IN_REVIEW");
    }

    @Test
    @Order(4)
    void aReaderFollowingAPageOnEitherCatalogInstanceHearsOfAReviewWhicheverInstanceAppliedIt() throws Exception {
        String film = cast.films.get(cast.films.size() - 1);
        try (LiveReader one = new LiveReader(system.url("catalog-service", 1) + "/films/" + film + "/events");
                LiveReader three = new LiveReader(system.url("catalog-service", 3) + "/films/" + film + "/events")) {
            one.awaitLine("following film", Duration.ofSeconds(30));
            three.awaitLine("following film", Duration.ofSeconds(30));
            Cast.Reviewer reviewer = cast.signUp("live-" + RUN);
            String id = post(cast.reviewUrl, reviewer, film, cast.reviewText());
            assertThat(awaitFinal(id, reviewer)).isEqualTo("PUBLISHED");
            // Only one catalog instance holds the film's partition and applies the review; both readers hear of it.
            assertThat(one.awaitLine(id, Duration.ofSeconds(30))).as("reader on instance 1").isTrue();
            assertThat(three.awaitLine(id, Duration.ofSeconds(30))).as("reader on instance 3").isTrue();
        }
    }

    /**
     * Every topic of the system (and Kafka's offsets) three copies per partition, all in sync again after the broker
     * came back, and two needed for a write to count.
     */
    private static void replicationOfEveryTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrapServers()))) {
            Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get().stream()
                    .filter(name -> name.endsWith(".v1") || name.endsWith(Topics.DLQ_SUFFIX)
                            || name.equals("__consumer_offsets"))
                    .collect(Collectors.toSet());
            assertThat(topics).contains(Topics.REVIEW_SUBMITTED, Topics.REVIEW_DECIDED, Topics.FILM_CHANGED,
                    "__consumer_offsets");
            for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get().values()) {
                assertThat(topic.partitions()).as(topic.name()).allSatisfy(partition -> {
                    assertThat(partition.replicas()).hasSize(3);
                    assertThat(partition.isr()).hasSize(3);
                });
            }
            List<ConfigResource> configs = topics.stream().map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name))
                    .toList();
            admin.describeConfigs(configs).all().get()
                    .forEach((resource, config) -> assertThat(config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value())
                            .as(resource.name()).isEqualTo("2"));
        }
    }

    private static String post(String reviewUrl, Cast.Reviewer reviewer, String film, String body) {
        Http.Reply reply = Http.send("POST", reviewUrl + "/films/" + film + "/reviews", reviewer.token(),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()), Map.of("rating", 8, "body", body));
        Cast.require(reply, 202);
        return reply.body().get("id").asText();
    }

    private static String awaitFinal(String reviewId, Cast.Reviewer author) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String status = null;
        while (System.nanoTime() < deadline) {
            Http.Reply reply = Http.get(cast.reviewUrl + "/reviews/" + reviewId, author.token());
            status = reply.status() == 200 ? reply.body().get("status").asText() : null;
            if (Census.FINAL.contains(status)) {
                return status;
            }
            Thread.sleep(300);
        }
        return status;
    }

    private static long decisionsLearned(int moderationInstance) {
        Http.Reply stats = Http.get(system.url("moderation-service", moderationInstance) + "/moderation/stats",
                cast.moderatorToken);
        Cast.require(stats, 200);
        return stats.body().get("engine").get("decisionsLearned").asLong();
    }

    /** A browser's EventSource in a few lines: every line the stream sends, kept. */
    private static final class LiveReader implements AutoCloseable {

        private static final HttpClient CLIENT = HttpClient.newHttpClient();
        private final List<String> lines = new CopyOnWriteArrayList<>();
        private final Thread reading;
        private volatile Stream<String> stream;

        LiveReader(String url) {
            reading = new Thread(() -> {
                try {
                    HttpResponse<Stream<String>> response = CLIENT.send(HttpRequest.newBuilder(URI.create(url))
                            .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
                    stream = response.body();
                    stream.forEach(lines::add);
                } catch (Exception ended) {
                    lines.add("ended: " + ended);
                }
            }, "live-reader");
            reading.setDaemon(true);
            reading.start();
        }

        boolean awaitLine(String containing, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (lines.stream().anyMatch(line -> line.contains(containing))) {
                    return true;
                }
                Thread.sleep(100);
            }
            return false;
        }

        @Override
        public void close() {
            Stream<String> open = stream;
            if (open != null) {
                open.close();
            }
            reading.interrupt();
        }
    }
}
