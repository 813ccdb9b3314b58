package org.filmreviews.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.filmreviews.devinfra.test.EventTestClient;
import org.filmreviews.devinfra.test.RealInfraTestResource;
import org.filmreviews.events.CloudEventHeaders;
import org.filmreviews.events.Topics;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * One outbox row the producer refuses outright (here: larger than the producer may send) must not stop
 * the events written after it: it is parked with its error, everything else is published, and after the
 * fix an operator releases it.
 */
@QuarkusTest
@TestProfile(OutboxParkingTest.SmallRequests.class)
class OutboxParkingTest {

    public static class SmallRequests implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("filmreviews.outbox.producer.max.request.size", "4000",
                    "filmreviews.outbox.park-after-attempts", "3",
                    "filmreviews.outbox.park-after", "2s");
        }
    }

    @Test
    void aRowThatCannotBeSentIsParkedAndEverythingAfterItIsPublished() {
        UUID film = Fixtures.filmKnownToTheReplica();
        String tooLong = Fixtures.submit(Fixtures.newReviewer(), film,
                Map.of("body", "A review far too long to send. ".repeat(200)));
        List<String> after = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // another film each, and one on the same film (key) as the refused row: it waits, then goes ahead
            UUID other = i == 0 ? film : Fixtures.filmKnownToTheReplica();
            after.add(Fixtures.submit(Fixtures.newReviewer(), other, Map.of("body", "A short review number " + i + ".")));
        }

        Set<String> published = subjectsOn(Topics.REVIEW_SUBMITTED, read -> read.containsAll(after));
        assertThat(published).containsAll(after).doesNotContain(tooLong);

        String admin = Fixtures.bearer("admin");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", admin)
                .get("/admin/outbox/parked").then().statusCode(200)
                .body("findAll { it.subject == '" + tooLong + "' }", hasSize(1)));
        given().header("Authorization", admin).get("/admin/outbox/parked").then()
                .body("find { it.subject == '" + tooLong + "' }.lastError",
                        org.hamcrest.Matchers.containsString("RecordTooLarge"));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> given().get(ManagementInterface.url("/q/health/well")).then().statusCode(503)
                        .body("checks.find { it.name == 'outbox' }.data.parked", equalTo(1)));
        given().get(ManagementInterface.url("/q/health/ready")).then().statusCode(200); // still serving: nothing a load balancer could fix
        given().get(ManagementInterface.url("/q/metrics")).then()
                .body(org.hamcrest.Matchers.containsString("filmreviews_outbox_parked 1.0"));

        // Released without a fix it fails again and is parked again; the others are untouched.
        UUID parked = OutboxRows.firstIdAbout(tooLong);
        given().header("Authorization", admin).post("/admin/outbox/parked/{id}/release", parked).then().statusCode(200)
                .body("released", equalTo(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", admin)
                .get("/admin/outbox/parked").then().body("findAll { it.subject == '" + tooLong + "' }", hasSize(1)));
        given().header("Authorization", admin).post("/admin/outbox/parked/{id}/release", UUID.randomUUID()).then()
                .statusCode(404);
        given().header("Authorization", Fixtures.newReviewer()).get("/admin/outbox/parked").then().statusCode(403);
    }

    private static Set<String> subjectsOn(String topic, java.util.function.Predicate<Set<String>> enough) {
        try (EventTestClient kafka = new EventTestClient(RealInfraTestResource.bootstrapServers())) {
            List<ConsumerRecord<String, byte[]>> records = kafka.read(topic, Duration.ofSeconds(60),
                    read -> enough.test(subjects(read)));
            return subjects(records);
        }
    }

    private static Set<String> subjects(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> EventTestClient.header(r, CloudEventHeaders.SUBJECT)).collect(Collectors.toSet());
    }
}
