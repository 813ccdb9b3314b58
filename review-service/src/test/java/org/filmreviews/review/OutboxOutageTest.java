package org.filmreviews.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.filmreviews.devinfra.test.EventTestClient;
import org.filmreviews.devinfra.test.RealInfraTestResource;
import org.filmreviews.events.CloudEventHeaders;
import org.filmreviews.events.EventCodec;
import org.filmreviews.events.ReviewSubmitted;
import org.filmreviews.events.Topics;
import org.filmreviews.platform.outbox.OutboxEvent;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The broker goes away while people keep posting: the API keeps answering, the outbox keeps the
 * events, and when the broker is back every event arrives once, in order per film.
 */
@QuarkusTest
@TestProfile(OutboxOutageTest.RestartableBroker.class)
class OutboxOutageTest {

    public static class RestartableBroker implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RealInfraTestResource.class,
                    Map.of("database", "reviews", "kafka", "process")));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // Fail fast while the broker is away, so the relay retries often.
            return Map.of("filmreviews.outbox.producer.delivery.timeout.ms", "5000",
                    "filmreviews.outbox.producer.request.timeout.ms", "2000",
                    "filmreviews.outbox.producer.max.block.ms", "2000",
                    "filmreviews.outbox.max-backoff", "1s");
        }
    }

    private static long unsent() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("sentAt is null"));
    }

    @Test
    void everyEventArrivesOnceAndInOrderAfterAnOutage() {
        UUID filmA = Fixtures.filmKnownToTheReplica();
        UUID filmB = Fixtures.filmKnownToTheReplica();
        await().atMost(Duration.ofSeconds(20)).until(() -> unsent() == 0);

        RealInfraTestResource.stopKafka();
        List<String> ids = new ArrayList<>();
        Map<String, UUID> filmOf = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            UUID film = i % 2 == 0 ? filmA : filmB;
            String author = Fixtures.newReviewer();
            String id = Fixtures.submit(author, film, Map.of("body", "Posted during the outage, number " + i));
            // An edit right after: two versions of one review that must keep their order.
            given().header("Authorization", author).contentType(ContentType.JSON).body(Map.of("body", "Edited during the outage " + i))
                    .when().put("/reviews/{id}", id).then().statusCode(202);
            ids.add(id);
            filmOf.put(id, film);
        }
        assertThat(unsent()).isEqualTo(12);
        // The service stays in rotation: it takes writes, so readiness must not follow the broker.
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get(ManagementInterface.url("/q/health/ready")).then().statusCode(200));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().get(ManagementInterface.url("/q/health/well")).then()
                .body("checks.find { it.name == 'outbox' }.data.unsent", org.hamcrest.Matchers.equalTo(12)));

        RealInfraTestResource.startKafka();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> unsent() == 0);

        try (EventTestClient kafka = new EventTestClient(RealInfraTestResource.bootstrapServers())) {
            List<ConsumerRecord<String, byte[]>> records = kafka.read(Topics.REVIEW_SUBMITTED, Duration.ofSeconds(30),
                    read -> read.stream().filter(r -> ids.contains(EventTestClient.header(r, CloudEventHeaders.SUBJECT))).count() >= 12)
                    .stream().filter(r -> ids.contains(EventTestClient.header(r, CloudEventHeaders.SUBJECT))).toList();

            Map<String, Long> copies = records.stream()
                    .collect(Collectors.groupingBy(r -> EventTestClient.header(r, CloudEventHeaders.ID), Collectors.counting()));
            assertThat(copies).hasSize(12);
            assertThat(copies.values()).allMatch(n -> n == 1);

            for (UUID film : List.of(filmA, filmB)) {
                List<ConsumerRecord<String, byte[]>> ofFilm = records.stream().filter(r -> film.toString().equals(r.key())).toList();
                assertThat(ofFilm).hasSize(6);
                assertThat(ofFilm.stream().map(ConsumerRecord::partition).distinct()).hasSize(1);
                List<String> order = ofFilm.stream().map(r -> {
                    ReviewSubmitted event = EventCodec.decode(ReviewSubmitted.class, r.value());
                    return event.reviewId() + "@" + event.version();
                }).toList();
                List<String> expected = ids.stream().filter(id -> filmOf.get(id).equals(film))
                        .flatMap(id -> java.util.stream.Stream.of(id + "@1", id + "@2")).toList();
                assertThat(order).containsExactlyElementsOf(expected);
            }
        }
    }
}
