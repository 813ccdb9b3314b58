package org.filmreviews.review;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.filmreviews.devinfra.test.EventTestClient;
import org.filmreviews.devinfra.test.RealInfraTestResource;
import org.filmreviews.events.FilmChanged;
import org.filmreviews.review.service.FilmReplica;

import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;

/** Test data made the way the running system makes it: films arrive as events, tokens from /auth/token. */
final class Fixtures {

    private Fixtures() {
    }

    /** Publishes a new film on catalog.film-changed.v1 and waits until the replica knows it. */
    static UUID filmKnownToTheReplica() {
        UUID film = UUID.randomUUID();
        try (EventTestClient kafka = new EventTestClient(RealInfraTestResource.bootstrapServers())) {
            kafka.publish(new FilmChanged(film, 1, "Film " + film, LocalDate.of(1987, 12, 13), "USA", "A synopsis.",
                    List.of(), false, Instant.now()), film.toString(), film.toString());
        }
        FilmReplica replica = Arc.container().instance(FilmReplica.class).get();
        await().atMost(Duration.ofSeconds(20)).until(() -> replica.knows(film));
        return film;
    }

    static String token(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .when().post("/auth/token")
                .then().statusCode(200).extract().path("access_token");
    }

    static String bearer(String username) {
        return "Bearer " + token(username, username);
    }
}
