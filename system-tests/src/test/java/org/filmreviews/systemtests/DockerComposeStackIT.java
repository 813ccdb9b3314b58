package org.filmreviews.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;

import org.filmreviews.devinfra.launch.ApiClient;
import org.filmreviews.devinfra.launch.SeedLoader;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * docker-compose.yml really runs the system: the same seed, the same page. Needs a Docker engine
 * (and the services packaged); skipped cleanly where there is none.
 */
@Testcontainers(disabledWithoutDocker = true)
class DockerComposeStackIT {

    private static final Path PROJECT = Path.of(System.getProperty("filmreviews.project.dir", "..")).toAbsolutePath()
            .normalize();

    // Demo mode: the seed loader signs in as the demo admin, which the production defaults do not create.
    @Container
    static final ComposeContainer STACK = new ComposeContainer(new File(PROJECT.toFile(), "docker-compose.yml"),
            new File(PROJECT.toFile(), "docker-compose.demo.yml"))
            .withBuild(true)
            // readiness is on each service's management port (9081, 9083), which compose does not publish
            .withExposedService("review-service", 9081, Wait.forHttp("/q/health/ready").forStatusCode(200)
                    .withStartupTimeout(Duration.ofMinutes(3)))
            .withExposedService("catalog-service", 9083, Wait.forHttp("/q/health/ready").forStatusCode(200)
                    .withStartupTimeout(Duration.ofMinutes(3)))
            .withExposedService("review-service", 8081)
            .withExposedService("catalog-service", 8083);

    @Test
    void theSeedFilmPageIsServedWithoutTheAdvertisement() {
        String reviews = "http://" + STACK.getServiceHost("review-service", 8081) + ":"
                + STACK.getServicePort("review-service", 8081);
        String catalog = "http://" + STACK.getServiceHost("catalog-service", 8083) + ":"
                + STACK.getServicePort("catalog-service", 8083);
        String filmId = new SeedLoader(reviews, catalog).load().filmId();

        ApiClient api = new ApiClient();
        await().atMost(Duration.ofSeconds(90))
                .until(() -> api.get(catalog + "/films/" + filmId, null).body().path("reviews").path("items").size() == 8);
        JsonNode page = api.get(catalog + "/films/" + filmId, null).body();
        assertThat(page.get("title").asText()).isEqualTo("Mirror for a Hero");
        assertThat(page.toString()).doesNotContain("Free Trial");
    }
}
