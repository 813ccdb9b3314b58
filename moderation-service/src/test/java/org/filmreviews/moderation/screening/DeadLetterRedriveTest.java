package org.filmreviews.moderation.screening;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.filmreviews.moderation.Fixtures.moderator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.filmreviews.devinfra.test.EventTestClient;
import org.filmreviews.devinfra.test.RealInfraTestResource;
import org.filmreviews.devinfra.test.TestTokens;
import org.filmreviews.events.CloudEventHeaders;
import org.filmreviews.events.ReviewAppealed;
import org.filmreviews.events.ReviewSubmitted;
import org.filmreviews.events.Topics;
import org.filmreviews.moderation.Fixtures;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * An event that cannot be applied yet for a reason no retry will fix (here an appeal of a review this
 * service has no case for) is dead-lettered after a few attempts, with the failure as its reason. Once
 * the cause is gone, an admin re-drives it: it takes effect in this service, once, even when the same
 * event was dead-lettered twice.
 */
@QuarkusTest
class DeadLetterRedriveTest {

    private static final String AD = "Watch Free for 30 Days\n\nStream thousands of hit movies and TV shows\n\nStart 30-day Free Trial";
    private static final String DEAD_LETTERS = Topics.deadLetter("moderation-service", Topics.REVIEW_APPEALED);

    @Test
    void aDeadLetterReDrivenAfterTheFixTakesEffectOnceInThisServiceOnly() {
        UUID film = UUID.randomUUID();
        String admin = TestTokens.bearer("root", "admin");
        ReviewSubmitted ad = Fixtures.submission(film, "early-appellant", AD);
        ReviewAppealed appeal = new ReviewAppealed(ad.reviewId(), film, 1, ad.author(), "Please look again.", Instant.now());
        String eventId = UUID.randomUUID().toString();
        long brokenBefore = waiting(admin); // letters of other tests, broken for good

        try (EventTestClient kafka = new EventTestClient(RealInfraTestResource.bootstrapServers())) {
            // The same event twice (a producer retry): two dead letters, one effect after the re-drive.
            kafka.publish(eventId, appeal, film.toString(), ad.reviewId().toString());
            kafka.publish(eventId, appeal, film.toString(), ad.reviewId().toString());
            List<ConsumerRecord<String, byte[]>> letters = kafka.read(DEAD_LETTERS, Duration.ofSeconds(60),
                    read -> read.stream().filter(r -> eventId.equals(EventTestClient.header(r, CloudEventHeaders.ID)))
                            .count() == 2);
            assertThat(letters).filteredOn(r -> eventId.equals(EventTestClient.header(r, CloudEventHeaders.ID))).hasSize(2)
                    .allSatisfy(letter -> {
                        assertThat(EventTestClient.header(letter, "dead-letter-reason")).contains("which has no case");
                        assertThat(EventTestClient.header(letter, "dead-letter-attempts")).isEqualTo("5");
                    });

            Fixtures.submit(kafka, ad); // the fix: the case the appeal is about exists now
        }
        assertThat(Fixtures.awaitCase(ad.reviewId()).getString("outcome")).isEqualTo("REJECT");

        JsonPath result = given().header("Authorization", admin).post("/admin/dead-letters/{topic}/redrive", DEAD_LETTERS)
                .then().statusCode(200).extract().jsonPath();
        assertThat(result.getLong("examined")).isEqualTo(brokenBefore + 2);
        assertThat(result.getInt("applied")).isEqualTo(2);
        assertThat(result.getLong("deadLetteredAgain")).isEqualTo(brokenBefore);
        assertThat(result.getLong("waiting")).isEqualTo(brokenBefore);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(given().header("Authorization", moderator("mia"))
                .get("/moderation/audit?reviewId={id}", ad.reviewId()).jsonPath().getList("items.action", String.class))
                .containsExactly("MACHINE_DECISION", "APPEAL_RECEIVED"));
        given().header("Authorization", moderator("mia")).get("/moderation/queue?appeal=true&filmId=" + film).then()
                .statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.equalTo(1));

        // A second run finds only the letters that are still broken, and changes nothing.
        given().header("Authorization", admin).post("/admin/dead-letters/{topic}/redrive", DEAD_LETTERS)
                .then().statusCode(200).body("applied", org.hamcrest.Matchers.equalTo(0));
        assertThat(given().header("Authorization", moderator("mia")).get("/moderation/audit?reviewId={id}", ad.reviewId())
                .jsonPath().getList("items.action", String.class)).containsExactly("MACHINE_DECISION", "APPEAL_RECEIVED");
    }

    private static long waiting(String admin) {
        List<java.util.Map<String, Object>> topics = given().header("Authorization", admin).get("/admin/dead-letters")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return topics.stream().filter(t -> DEAD_LETTERS.equals(t.get("topic")))
                .mapToLong(t -> ((Number) t.get("waiting")).longValue())
                .sum();
    }
}
