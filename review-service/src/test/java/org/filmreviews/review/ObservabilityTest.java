package org.filmreviews.review;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** What operators and API users look at: health, metrics and the OpenAPI document. */
@QuarkusTest
class ObservabilityTest {

    @Test
    void readinessIsTheDatabaseAndTheConsumersWhileTheOutboxAndDeadLettersAreForOperators() {
        given().get(ManagementInterface.url("/q/health/ready"))
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", hasItem("event-consumers"))
                // a backlog while the broker is away is what the outbox is for (OutboxOutageTest)
                .body("checks.name", not(hasItem("outbox")));
        given().get(ManagementInterface.url("/q/health/well"))
                .then()
                .body("checks.find { it.name == 'outbox' }.data.relay", equalTo("running"))
                .body("checks.find { it.name == 'outbox' }.data.parked", equalTo(0))
                .body("checks.name", hasItem("dead-letters"));
        given().get(ManagementInterface.url("/q/health/live")).then().statusCode(200)
                .body("checks.name", hasItem("SmallRye Reactive Messaging - liveness check"));
    }

    @Test
    void metricsShowOutboxLagPublishRateAndRejectedInputs() {
        given().contentType(ContentType.JSON).body(Map.of("username", "x")).when().post("/auth/token").then().statusCode(400);
        given().get(ManagementInterface.url("/q/metrics"))
                .then().statusCode(200)
                .body(containsString("filmreviews_outbox_lag"))
                .body(containsString("filmreviews_outbox_published_total"))
                .body(containsString("filmreviews_http_rejected_total{status=\"400\",type=\"validation\"}"));
    }

    @Test
    void healthMetricsAndTheOpenApiDocumentAreNotServedOnThePublicPort() {
        for (String path : new String[]{"/q/health/ready", "/q/health/live", "/q/metrics", "/q/openapi", "/q/swagger-ui"}) {
            given().get(path).then().statusCode(404).contentType("application/problem+json");
        }
    }

    @Test
    void theOpenApiDocumentDescribesTheApiWithExamples() {
        given().accept("application/json").get(ManagementInterface.url("/q/openapi"))
                .then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/films/{filmId}/reviews"))
                .body("paths", org.hamcrest.Matchers.hasKey("/reviews/{id}/appeal"))
                .body("paths", org.hamcrest.Matchers.hasKey("/me/reviews"))
                .body("paths.'/films/{filmId}/reviews'.post.summary", equalTo("Write a review"))
                .body("paths.'/films/{filmId}/reviews'.post.requestBody.content.'application/json'.examples.review.value.rating",
                        equalTo(8));
    }
}
