package org.filmreviews.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.filmreviews.devinfra.test.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** An admin's retried create (a timeout, a double click) makes one film, not two. */
@QuarkusTest
class IdempotentFilmsTest {

    private static ExtractableResponse<Response> create(String key, String title) {
        return given().header("Authorization", TestTokens.bearer("admin", "admin")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(Map.of("title", title))
                .when().post("/films").then().extract();
    }

    @Test
    void aRepeatedKeyAnswersTheFirstFilmAndCreatesNoOther() {
        String title = "Idempotent " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        ExtractableResponse<Response> first = create(key, title);
        ExtractableResponse<Response> again = create(key, title);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.<String>path("id")).isEqualTo(first.path("id"));
        assertThat(given().queryParam("q", title).get("/films").then().extract().<java.util.List<?>>path("items")).hasSize(1);

        ExtractableResponse<Response> reused = create(key, title + " but different");
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.contentType()).startsWith("application/problem+json");
    }
}
