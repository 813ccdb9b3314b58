package org.filmreviews.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.filmreviews.devinfra.test.EventTestClient;
import org.filmreviews.devinfra.test.RealInfraTestResource;
import org.filmreviews.devinfra.test.TestTokens;
import org.filmreviews.events.CloudEventHeaders;
import org.filmreviews.events.EventCodec;
import org.filmreviews.events.FilmChanged;
import org.filmreviews.events.Topics;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class FilmsTest {

    static final Map<String, Object> MIRROR = Map.of(
            "title", "Mirror for a Hero",
            "releaseDate", "1987-12-13",
            "country", "USA",
            "synopsis",
            "Sergei and Andrei are walking through a city park and see that a film shoot set just post World War II is taking place.",
            "trailers",
            List.of(Map.of("title", "Trailer", "url", "https://www.youtube.com/results?search_query=Zerkalo+dlya+geroya")));

    static String createFilm(Map<String, Object> film) {
        return given().header("Authorization", TestTokens.bearer("admin", "admin"))
                .contentType(ContentType.JSON).body(film)
                .when().post("/films")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void anAdminCreatesAFilmThatIsFoundAndAnnounced() {
        io.restassured.response.ExtractableResponse<io.restassured.response.Response> created = given()
                .header("Authorization", TestTokens.bearer("admin", "admin"))
                .contentType(ContentType.JSON).body(MIRROR)
                .when().post("/films")
                .then().statusCode(201)
                .body("title", equalTo("Mirror for a Hero"))
                .body("releaseDate", equalTo("1987-12-13"))
                .body("trailers[0].url", startsWith("https://"))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/films/" + id);

        given().queryParam("q", "MIRROR").when().get("/films")
                .then().statusCode(200).body("items.id", hasItem(id));

        given().when().get("/films/{id}", id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("country", equalTo("USA"))
                .body("synopsis", startsWith("Sergei and Andrei"))
                .body("trailers.title", contains("Trailer"))
                .body("rating.count", equalTo(0))
                .body("rating.average", nullValue())
                .body("reviews.items", org.hamcrest.Matchers.empty())
                .body("reviews.next", nullValue());

        try (EventTestClient kafka = new EventTestClient(RealInfraTestResource.bootstrapServers())) {
            List<ConsumerRecord<String, byte[]>> records = kafka.read(Topics.FILM_CHANGED, Duration.ofSeconds(20),
                    read -> read.stream().anyMatch(r -> id.equals(r.key())));
            ConsumerRecord<String, byte[]> record = records.stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow();
            FilmChanged event = EventCodec.decode(FilmChanged.class, record.value());
            assertThat(event.title()).isEqualTo("Mirror for a Hero");
            assertThat(event.version()).isEqualTo(1);
            assertThat(event.trailers()).hasSize(1);
            assertThat(EventTestClient.header(record, CloudEventHeaders.TYPE)).isEqualTo("catalog.film.changed.v1");
            assertThat(EventTestClient.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/catalog-service");
            assertThat(EventTestClient.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(id);
            assertThat(EventTestClient.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
            assertThat(EventTestClient.header(record, CloudEventHeaders.ID)).isNotBlank();
            assertThat(EventTestClient.header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        }
    }

    @Test
    void searchIgnoresCaseAndAccents() {
        String id = createFilm(Map.of("title", "Zérkalo dlya geróya"));
        given().queryParam("q", "zerkalo DLYA").when().get("/films")
                .then().statusCode(200).body("items.id", hasItem(id));
        given().queryParam("q", "no such film at all").when().get("/films")
                .then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
    }
}
