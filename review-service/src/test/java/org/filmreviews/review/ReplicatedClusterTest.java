package org.filmreviews.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.utils.Utils;
import org.filmreviews.devinfra.test.EventTestClient;
import org.filmreviews.devinfra.test.RealInfraTestResource;
import org.filmreviews.events.CloudEventHeaders;
import org.filmreviews.events.Decision;
import org.filmreviews.events.Topics;
import org.filmreviews.platform.outbox.OutboxEvent;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A cluster of three brokers, the service's topics created with three copies of which two must hold a record before
 * it is acknowledged: one broker stopped while reviews are posted, then started again. Nothing accepted is lost, no
 * review is announced twice, and the service is never restarted.
 */
@QuarkusTest
@TestProfile(ReplicatedClusterTest.ThreeBrokers.class)
class ReplicatedClusterTest {

    public static class ThreeBrokers implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RealInfraTestResource.class, Map.of("database", "reviews", "brokers", "3")));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    private static long unsent() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("sentAt is null"));
    }

    @Test
    void topicsAreCreatedWithTheReplicationTheConfigurationAsksFor() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", RealInfraTestResource.bootstrapServers()))) {
            TopicDescription submitted = admin.describeTopics(List.of(Topics.REVIEW_SUBMITTED)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(Topics.REVIEW_SUBMITTED);
            assertThat(submitted.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.REVIEW_SUBMITTED);
            Config config = admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic);
            assertThat(config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value()).isEqualTo("2");
        }
    }

    @Test
    void aBrokerStoppedWhileReviewsArePostedLosesAndDuplicatesNothing() throws Exception {
        List<UUID> films = List.of(Fixtures.filmKnownToTheReplica(), Fixtures.filmKnownToTheReplica(), Fixtures.filmKnownToTheReplica());
        List<String> reviewers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            reviewers.add(Fixtures.newReviewer());
        }
        // The second film's reviews are posted while the broker that led their partition is away.
        int leader = leaderOf(films.get(1));
        List<String> accepted = new ArrayList<>();
        int posts = reviewers.size() * films.size();
        for (int i = 0; i < posts; i++) {
            if (i == reviewers.size()) {
                RealInfraTestResource.stopBroker(leader);
            }
            if (i == 2 * reviewers.size()) {
                RealInfraTestResource.startBroker(leader);
            }
            // Every POST is answered 202 while the broker is away: the outbox takes the event either way.
            accepted.add(Fixtures.submit(reviewers.get(i % reviewers.size()), films.get(i / reviewers.size()),
                    Map.of("body", "Posted while a broker of three comes and goes, number " + i)));
            Thread.sleep(150);
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> unsent() == 0);
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("parkedAt is not null"))).isZero();

        Set<String> ids = Set.copyOf(accepted);
        try (EventTestClient kafka = new EventTestClient(RealInfraTestResource.bootstrapServers())) {
            List<ConsumerRecord<String, byte[]>> ours = kafka.read(Topics.REVIEW_SUBMITTED, Duration.ofSeconds(30),
                    read -> read.stream().map(r -> EventTestClient.header(r, CloudEventHeaders.SUBJECT)).filter(ids::contains)
                            .distinct().count() == ids.size())
                    .stream().filter(r -> ids.contains(EventTestClient.header(r, CloudEventHeaders.SUBJECT))).toList();
            Map<String, Set<String>> eventIdsByReview = ours.stream().collect(Collectors.groupingBy(
                    r -> EventTestClient.header(r, CloudEventHeaders.SUBJECT),
                    Collectors.mapping(r -> EventTestClient.header(r, CloudEventHeaders.ID), Collectors.toSet())));
            assertThat(eventIdsByReview.keySet()).as("every accepted review announced").containsExactlyInAnyOrderElementsOf(ids);
            assertThat(eventIdsByReview.values()).as("each by one event").allSatisfy(events -> assertThat(events).hasSize(1));
        }

        // Its consumers carry on too: a decision sent after the broker came back is applied.
        String last = accepted.get(accepted.size() - 1);
        String author = reviewers.get((posts - 1) % reviewers.size());
        Fixtures.decide(films.get(films.size() - 1), last, 1, Decision.PUBLISH, null);
        Fixtures.awaitStatus(author, last, "PUBLISHED");
    }

    /** The broker that leads the partition of the submissions topic a film's events go to. */
    private static int leaderOf(UUID film) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", RealInfraTestResource.bootstrapServers()))) {
            TopicDescription submitted = admin.describeTopics(List.of(Topics.REVIEW_SUBMITTED)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(Topics.REVIEW_SUBMITTED);
            // Kafka's default partitioner, as the outbox relay's producer uses it
            int partition = Utils.toPositive(Utils.murmur2(film.toString().getBytes(StandardCharsets.UTF_8))) % submitted.partitions().size();
            return submitted.partitions().get(partition).leader().id();
        }
    }
}
