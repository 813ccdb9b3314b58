package org.filmreviews.moderation.film;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.filmreviews.moderation.Fixtures.HELD_LINK;
import static org.filmreviews.moderation.Fixtures.moderator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.filmreviews.devinfra.test.EventTestClient;
import org.filmreviews.devinfra.test.RealInfraTestResource;
import org.filmreviews.events.CastMember;
import org.filmreviews.events.FilmChanged;
import org.filmreviews.events.ReviewSubmitted;
import org.filmreviews.moderation.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Moderators mark the twist of a film in three reviews; a fourth review that tells it in other words is published
 * behind the spoiler warning with that sentence hidden, while the same words in a review of another film publish
 * clean. The marks live in the database, so every instance of the service reads them.
 */
@QuarkusTest
class FilmSecretsTest {

    private static final String SYNOPSIS = "Pip, a girl of twelve, spends a stormy summer with her uncle at a lighthouse, where an old"
            + " keeper tells her stories about shipwrecks.";
    private static final List<String> TWIST = List.of(
            "Old Edmund is her real grandfather and wrote the letters himself.",
            "The keeper Edmund turns out to be Pip's grandfather.",
            "So Edmund, the grumpy keeper, was the grandfather who wrote those letters.");
    private static final String RETOLD = "I adored it. Knowing now that the letters in the tin came from her grandfather made the"
            + " second viewing even sadder.";

    private EventTestClient kafka;

    @BeforeEach
    void setUp() {
        kafka = new EventTestClient(RealInfraTestResource.bootstrapServers());
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    @Test
    void aTwistMarkedByModeratorsIsHiddenWhenALaterReviewTellsItAgainOfThatFilmOnly() {
        UUID film = film("The Keeper's Daughter");
        UUID otherFilm = film("Letters from the Tin");
        for (int i = 0; i < TWIST.size(); i++) {
            String body = HELD_LINK + " " + TWIST.get(i);
            ReviewSubmitted held = Fixtures.submit(kafka, Fixtures.submission(film, "marker" + i, body));
            assertThat(Fixtures.awaitCase(held.reviewId()).getBoolean("open")).isTrue();
            int start = body.indexOf(TWIST.get(i));
            given().header("Authorization", moderator("mia")).contentType(ContentType.JSON)
                    .body(Map.of("decision", "APPROVE_SPOILER", "spoilerSentences",
                            List.of(Map.of("start", start, "end", start + TWIST.get(i).length()))))
                    .post("/moderation/cases/{id}/decision", held.reviewId())
                    .then().statusCode(200).body("outcome", org.hamcrest.Matchers.equalTo("PUBLISH_SPOILER"));
        }

        JsonPath retold = Fixtures.awaitCase(Fixtures.submit(kafka, Fixtures.submission(film, "latecomer", RETOLD)).reviewId());
        assertThat(retold.getString("outcome")).isEqualTo("PUBLISH_SPOILER");
        assertThat(retold.getList("reasons.code", String.class)).contains("spoiler.secret");
        assertThat(retold.getList("spoilerSentences.text", String.class))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("Knowing now");

        // The same telling words about another film (in a text of its own, or it would be held as a copy).
        String sameWords = "The letters in the tin came from her grandfather, and it made me cry every time.";
        JsonPath elsewhere = Fixtures
                .awaitCase(Fixtures.submit(kafka, Fixtures.submission(otherFilm, "elsewhere", sameWords)).reviewId());
        assertThat(elsewhere.getString("outcome")).isEqualTo("PUBLISH");
    }

    private UUID film(String title) {
        UUID film = UUID.randomUUID();
        kafka.publish(new FilmChanged(film, 1, title, LocalDate.of(2024, 5, 1), "Norway", SYNOPSIS, List.of(), false,
                Instant.now(),
                null, 104, List.of("Drama"), List.of(new CastMember("Ada Lind", "Pip"), new CastMember("Olav Berg", "Edmund"),
                        new CastMember("Per Holm", "Uncle Dennis"))),
                film.toString(), film.toString());
        return film;
    }
}
