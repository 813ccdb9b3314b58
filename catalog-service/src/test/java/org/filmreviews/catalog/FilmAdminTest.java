package org.filmreviews.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.filmreviews.devinfra.test.EventTestClient;
import org.filmreviews.devinfra.test.RealInfraTestResource;
import org.filmreviews.devinfra.test.TestTokens;
import org.filmreviews.events.EventCodec;
import org.filmreviews.events.FilmChanged;
import org.filmreviews.events.Topics;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Films through the admin API: every change announced with the whole film; search paged by keyset. */
@QuarkusTest
class FilmAdminTest {

    private static final String ADMIN = TestTokens.bearer("admin", "admin");

    static Map<String, Object> fullFilm(String title) {
        Map<String, Object> film = new LinkedHashMap<>();
        film.put("title", title);
        film.put("originalTitle", "Zerkalo dlya geroya");
        film.put("releaseDate", "1987-12-13");
        film.put("country", "USSR");
        film.put("runtimeMinutes", 139);
        film.put("genres", List.of("Drama", "Fantasy"));
        film.put("synopsis", "Two men find themselves in 1949, living the same day again and again.");
        film.put("cast", List.of(Map.of("name", "Sergey Koltakov", "character", "Sergey"),
                Map.of("name", "Boris Galkin", "character", "Andrey")));
        film.put("trailers", List.of(Map.of("title", "Trailer", "url", "https://example.org/trailer")));
        return film;
    }

    private static List<FilmChanged> announcements(String filmId, int atLeast) {
        try (EventTestClient kafka = new EventTestClient(RealInfraTestResource.bootstrapServers())) {
            List<ConsumerRecord<String, byte[]>> records = kafka.read(Topics.FILM_CHANGED, Duration.ofSeconds(20),
                    read -> read.stream().filter(r -> filmId.equals(r.key())).count() >= atLeast);
            List<FilmChanged> events = new ArrayList<>();
            records.stream().filter(r -> filmId.equals(r.key()))
                    .forEach(r -> events.add(EventCodec.decode(FilmChanged.class, r.value())));
            events.sort(Comparator.comparingLong(FilmChanged::version));
            return events;
        }
    }

    @Test
    void anUpdateReplacesTheFilmAndAnnouncesTheWholeOfIt() {
        String title = "Mirror " + UUID.randomUUID();
        String id = FilmsTest.createFilm(fullFilm(title));
        given().get("/films/{id}", id).then().statusCode(200)
                .body("originalTitle", equalTo("Zerkalo dlya geroya"))
                .body("runtimeMinutes", equalTo(139))
                .body("genres", contains("Drama", "Fantasy"))
                .body("cast.name", contains("Sergey Koltakov", "Boris Galkin"))
                .body("cast[1].character", equalTo("Andrey"));

        Map<String, Object> changed = fullFilm(title + " (restored)");
        changed.put("cast", List.of(Map.of("name", "Boris Galkin", "character", "Andrey Pshenichny")));
        changed.put("genres", List.of("Drama"));
        given().header("Authorization", ADMIN).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(changed)
                .when().put("/films/{id}", id)
                .then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("version", equalTo(2))
                .body("title", equalTo(title + " (restored)"))
                .body("cast.character", contains("Andrey Pshenichny"));

        List<FilmChanged> events = announcements(id, 2);
        assertThat(events).extracting(FilmChanged::version).containsExactly(1L, 2L);
        FilmChanged latest = events.get(1);
        assertThat(latest.title()).isEqualTo(title + " (restored)");
        assertThat(latest.originalTitle()).isEqualTo("Zerkalo dlya geroya");
        assertThat(latest.runtimeMinutes()).isEqualTo(139);
        assertThat(latest.genres()).containsExactly("Drama");
        assertThat(latest.cast()).extracting(c -> c.name() + "/" + c.character())
                .containsExactly("Boris Galkin/Andrey Pshenichny");
        assertThat(latest.synopsis()).startsWith("Two men");
        assertThat(latest.trailers()).hasSize(1);
        assertThat(latest.retired()).isFalse();
    }

    @Test
    void aStaleUpdateIsRefusedAndChangesNothing() {
        String id = FilmsTest.createFilm(fullFilm("Stale " + UUID.randomUUID()));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(fullFilm("First edit"))
                .when().put("/films/{id}", id).then().statusCode(200);
        given().header("Authorization", ADMIN).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(fullFilm("Lost edit"))
                .when().put("/films/{id}", id)
                .then().statusCode(412).contentType("application/problem+json");
        given().get("/films/{id}", id).then().body("title", equalTo("First edit"));
        assertThat(announcements(id, 2)).extracting(FilmChanged::title).doesNotContain("Lost edit");
    }

    @Test
    void aRetiredFilmLeavesTheCatalogAndCannotBeChanged() {
        String title = "Retiring " + UUID.randomUUID();
        String id = FilmsTest.createFilm(fullFilm(title));
        given().header("Authorization", ADMIN).when().delete("/films/{id}", id).then().statusCode(204);
        given().header("Authorization", ADMIN).when().delete("/films/{id}", id).then().statusCode(204);

        given().get("/films/{id}", id).then().statusCode(410).contentType("application/problem+json");
        given().get("/films/{id}/reviews", id).then().statusCode(410).contentType("application/problem+json");
        given().get("/films/{id}/page", id).then().statusCode(410);
        given().queryParam("q", title).get("/films").then().statusCode(200).body("items.id", not(hasItem(id)));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(fullFilm("Back again"))
                .when().put("/films/{id}", id)
                .then().statusCode(409).contentType("application/problem+json");

        List<FilmChanged> events = announcements(id, 2);
        assertThat(events).hasSize(2);
        assertThat(events.get(1).retired()).isTrue();
        assertThat(events.get(1).title()).isEqualTo(title);
    }

    @Test
    void searchFindsOriginalTitlesAndPagesThroughEveryMatchOnce() {
        String marker = "keyset" + UUID.randomUUID().toString().substring(0, 8);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Map<String, Object> film = new LinkedHashMap<>();
            film.put("title", (i % 2 == 0 ? "Él " : "El ") + marker + " " + (char) ('a' + (6 - i)));
            created.add(FilmsTest.createFilm(film));
        }
        Map<String, Object> original = new LinkedHashMap<>();
        original.put("title", "Completely different");
        original.put("originalTitle", "Оригинал " + marker.toUpperCase());
        String byOriginal = FilmsTest.createFilm(original);

        List<String> seen = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        String next = "/films?q=" + marker + "&limit=3";
        int pages = 0;
        while (next != null) {
            JsonPath page = given().get(next).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            titles.addAll(page.getList("items.title"));
            next = page.getString("next");
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).doesNotHaveDuplicates().containsAll(created).contains(byOriginal).hasSize(8);
        assertThat(titles).isSortedAccordingTo(Comparator.comparing(t -> org.filmreviews.catalog.domain.Film.searchable(t)));
    }
}
