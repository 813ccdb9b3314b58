package org.filmreviews.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.filmreviews.devinfra.test.EventTestClient;
import org.filmreviews.devinfra.test.PoisonRecords;
import org.filmreviews.devinfra.test.RealInfraTestResource;
import org.filmreviews.events.Decision;
import org.filmreviews.events.EventType;
import org.filmreviews.events.Topics;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Records that can never be processed go to review-service's own dead-letter topic for that input,
 * with their reason and origin, are counted and listed for operators, and do not hold up the events
 * around them. A re-drive of letters that are still broken puts them back at the end, marked.
 */
@QuarkusTest
class DeadLettersTest {

    private static final String DEAD_LETTERS = Topics.deadLetter("review-service", Topics.REVIEW_DECIDED);

    @Test
    void everyKindOfPoisonIsDeadLetteredWithTheirReasonAndTheDecisionsAroundThemApplied() {
        UUID film = Fixtures.filmKnownToTheReplica();
        String author = Fixtures.newReviewer();
        String before = Fixtures.submit(author, film, Map.of("body", "Decided before the poison."));
        String after = Fixtures.submit(Fixtures.newReviewer(), film, Map.of("body", "Decided after the poison."));
        List<PoisonRecords.Poison> poisons = PoisonRecords.of(EventType.REVIEW_DECIDED);
        String admin = Fixtures.bearer("admin");
        long waitingBefore = waiting(admin);

        Fixtures.decide(film, before, 1, Decision.PUBLISH, null);
        try (EventTestClient kafka = new EventTestClient(RealInfraTestResource.bootstrapServers())) {
            PoisonRecords.send(kafka, poisons);
        }
        Fixtures.decide(film, after, 1, Decision.PUBLISH, null);
        Fixtures.awaitStatus(author, before, "PUBLISHED");
        Fixtures.awaitStatus(Fixtures.bearer("admin"), after, "PUBLISHED");

        List<ConsumerRecord<String, byte[]>> dead = lettersOf(poisons, r -> true);
        for (PoisonRecords.Poison poison : poisons) {
            assertThat(dead).as(poison.kind()).anySatisfy(letter -> {
                assertThat(letter.key()).isEqualTo(poison.key());
                assertThat(EventTestClient.header(letter, "dead-letter-reason")).contains(poison.reason());
                assertThat(EventTestClient.header(letter, "dead-letter-topic")).isEqualTo(Topics.REVIEW_DECIDED);
                assertThat(EventTestClient.header(letter, "dead-letter-offset")).isNotBlank();
                assertThat(EventTestClient.header(letter, "dead-letter-service")).isEqualTo("review-service");
                assertThat(letter.value()).isEqualTo(poison.value());
            });
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> waiting(admin) == waitingBefore + PoisonRecords.KINDS);
        given().get(ManagementInterface.url("/q/metrics")).then()
                .body(containsString("filmreviews_events_dead_lettered_total{topic=\"" + Topics.REVIEW_DECIDED + "\"}"))
                .body(containsString("filmreviews_dead_letters_waiting{topic=\"" + DEAD_LETTERS + "\"}"));
        given().header("Authorization", admin).get("/admin/dead-letters/{topic}", DEAD_LETTERS).then().statusCode(200)
                .body("reason", org.hamcrest.Matchers.hasItem(containsString("breaks its schema")));
        await().atMost(Duration.ofSeconds(40))
                .untilAsserted(() -> given().get(ManagementInterface.url("/q/health/well")).then().statusCode(503)
                        .body("checks.find { it.name == 'dead-letters' }.status", equalTo("DOWN")));

        // Still broken: the re-drive examines them and puts them back at the end, counted as re-driven once.
        given().header("Authorization", admin).post("/admin/dead-letters/{topic}/redrive", DEAD_LETTERS).then().statusCode(200)
                .body("examined", equalTo((int) waitingBefore + PoisonRecords.KINDS))
                .body("deadLetteredAgain", equalTo((int) waitingBefore + PoisonRecords.KINDS))
                .body("waiting", equalTo((int) waitingBefore + PoisonRecords.KINDS));
        assertThat(lettersOf(poisons, r -> "1".equals(EventTestClient.header(r, "dead-letter-redrives"))))
                .extracting(ConsumerRecord::key).containsAll(poisons.stream().map(PoisonRecords.Poison::key).toList());

        given().header("Authorization", author).get("/admin/dead-letters").then().statusCode(403);
        given().header("Authorization", admin).post("/admin/dead-letters/{topic}/redrive", "no-such.dlq").then()
                .statusCode(404);
    }

    private static long waiting(String admin) {
        List<Map<String, Object>> topics = given().header("Authorization", admin).get("/admin/dead-letters").then()
                .statusCode(200)
                .extract().jsonPath().getList("$");
        return topics.stream().filter(t -> DEAD_LETTERS.equals(t.get("topic")))
                .mapToLong(t -> ((Number) t.get("waiting")).longValue())
                .sum();
    }

    /** The dead letters that {@code which} picks, once those of every poison record are there. */
    private static List<ConsumerRecord<String, byte[]>> lettersOf(List<PoisonRecords.Poison> poisons,
            java.util.function.Predicate<ConsumerRecord<String, byte[]>> which) {
        List<String> keys = poisons.stream().map(PoisonRecords.Poison::key).toList();
        try (EventTestClient kafka = new EventTestClient(RealInfraTestResource.bootstrapServers())) {
            return kafka.read(DEAD_LETTERS, Duration.ofSeconds(30),
                    read -> read.stream().filter(which).map(ConsumerRecord::key).toList().containsAll(keys))
                    .stream().filter(which).toList();
        }
    }
}
