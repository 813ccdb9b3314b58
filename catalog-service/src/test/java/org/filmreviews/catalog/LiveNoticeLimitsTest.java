package org.filmreviews.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.filmreviews.catalog.service.live.PageChange;
import org.filmreviews.catalog.service.live.PageNotices;
import org.filmreviews.platform.domain.Overloaded;
import org.filmreviews.platform.problem.DomainProblems;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Multi;

/** The live page streams are bounded: in all, per client address, and in how long one lasts. */
@QuarkusTest
@TestProfile(LiveNoticeLimitsTest.SmallLimits.class)
class LiveNoticeLimitsTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("catalog.live.max-readers", "3", "catalog.live.max-readers-per-client", "2",
                    "catalog.live.max-lifetime", "4s");
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Inject
    PageNotices notices;

    private final HttpClient http = HttpClient.newHttpClient();

    private CompletableFuture<HttpResponse<Stream<String>>> open(String filmId) throws Exception {
        return http.sendAsync(HttpRequest.newBuilder(base.toURI().resolve("/films/" + filmId + "/events"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
    }

    @Test
    void oneAddressFollowsTwoPagesAtOnceAndEveryStreamEndsAfterItsLifetime() throws Exception {
        String filmId = FilmsTest.createFilm(Map.of("title", "Followed " + UUID.randomUUID()));
        HttpResponse<Stream<String>> first = open(filmId).get(20, TimeUnit.SECONDS);
        HttpResponse<Stream<String>> second = open(filmId).get(20, TimeUnit.SECONDS);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);

        HttpResponse<Stream<String>> third = open(filmId).get(20, TimeUnit.SECONDS);
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(third.headers().firstValue("Retry-After")).isPresent();
        third.body().close();

        // Nobody closes them: each ends by itself after 4 s, and its place is free again.
        long started = System.nanoTime();
        CompletableFuture<Long> firstEnds = CompletableFuture.supplyAsync(() -> first.body().count());
        CompletableFuture<Long> secondEnds = CompletableFuture.supplyAsync(() -> second.body().count());
        firstEnds.get(20, TimeUnit.SECONDS);
        secondEnds.get(20, TimeUnit.SECONDS);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(15);
        // (the place is given back as the stream ends upstream, a moment after the reader saw it end)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> notices.readers() == 0);
        HttpResponse<Stream<String>> again = open(filmId).get(20, TimeUnit.SECONDS);
        assertThat(again.statusCode()).isEqualTo(200);
        again.body().close();
    }

    @Test
    void theReaderCapIsTakenAtomicallyAndGivenBackWhenAStreamEnds() throws Exception {
        UUID film = UUID.randomUUID();
        // Places are taken when a stream is asked for, not when it starts: no burst of requests gets past the cap.
        List<Multi<PageChange>> taken = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < 6; i++) {
            try {
                taken.add(notices.follow(film, "client " + i));
            } catch (Overloaded e) {
                assertThat(DomainProblems.toProblem(e).status()).isEqualTo(503);
                refused++;
            }
        }
        assertThat(taken).hasSize(3);
        assertThat(refused).isEqualTo(3);
        assertThat(notices.readers()).isEqualTo(3);

        taken.forEach(stream -> stream.subscribe().with(item -> {
        }).cancel());
        assertThat(notices.readers()).isZero();
        Multi<PageChange> later = notices.follow(film, "client 0");
        later.subscribe().with(item -> {
        }).cancel();
        assertThat(notices.readers()).isZero();
    }
}
