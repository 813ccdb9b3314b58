package org.filmreviews.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.filmreviews.catalog.service.live.PageChange;
import org.filmreviews.catalog.service.live.PageNoticeChannel;
import org.filmreviews.catalog.service.live.PageNoticeListener;
import org.filmreviews.catalog.service.live.PageNotices;
import org.filmreviews.devinfra.test.EventTestClient;
import org.filmreviews.devinfra.test.RealInfraTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.subscription.BackPressureFailure;
import io.smallrye.mutiny.subscription.MultiSubscriber;

/** GET /films/{id}/events with a real Server-Sent Events client, fed by events on the real broker. */
@QuarkusTest
class LiveNoticesTest {

    private static final Instant T0 = Instant.parse("2026-04-01T10:00:00Z");

    @TestHTTPResource("/")
    URL base;

    @Inject
    PageNotices notices;

    @Inject
    PageNoticeChannel channel;

    @Inject
    PageNoticeListener listener;

    private EventTestClient kafka;
    private ReviewEvents events;
    private String filmId;

    @BeforeEach
    void setUp() {
        // Before any reader connects: one that came while the instance connected to the channel would be told to reload.
        await().atMost(Duration.ofSeconds(30)).until(listener::listening);
        kafka = new EventTestClient(RealInfraTestResource.bootstrapServers());
        filmId = FilmsTest.createFilm(Map.of("title", "Live " + UUID.randomUUID()));
        events = new ReviewEvents(kafka, filmId);
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    /** One server-sent event as a browser's EventSource sees it. */
    record Sent(String name, String data) {
    }

    /** Reads the stream line by line, as the SSE format defines it, into a queue of events. */
    static final class SseReader implements AutoCloseable {
        final BlockingQueue<Sent> received = new LinkedBlockingQueue<>();
        final List<String> comments = new ArrayList<>();
        final CompletableFuture<HttpResponse<Stream<String>>> response;

        SseReader(URI uri) {
            HttpClient client = HttpClient.newHttpClient();
            response = client.sendAsync(HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofLines());
            // The body never ends: read it on a thread of its own, never on the caller's.
            Thread reader = new Thread(() -> {
                try {
                    read(response.get(20, TimeUnit.SECONDS).body());
                } catch (Exception e) {
                    // the stream was closed or never opened: the assertions on what was received tell
                }
            }, "sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        private void read(Stream<String> lines) {
            String name = "message";
            StringBuilder data = new StringBuilder();
            for (java.util.Iterator<String> it = lines.iterator(); it.hasNext();) {
                String line = it.next();
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        received.add(new Sent(name, data.toString()));
                    }
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    synchronized (comments) {
                        comments.add(line.substring(1).strip());
                    }
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        }

        int status() throws Exception {
            return response.get(20, TimeUnit.SECONDS).statusCode();
        }

        Sent next() throws InterruptedException {
            Sent sent = received.poll(20, TimeUnit.SECONDS);
            assertThat(sent).as("a server-sent event within 20 s").isNotNull();
            return sent;
        }

        @Override
        public void close() {
            response.thenAccept(r -> r.body().close());
            response.cancel(true);
        }
    }

    private SseReader follow() throws Exception {
        return follow(base, listener, filmId);
    }

    /**
     * A reader of the film's live notices, once its stream started. Notices reach readers only while the instance
     * listens to the database's channel, and earlier tests take the database away: wait until it listens again.
     */
    static SseReader follow(URL base, PageNoticeListener listener, String filmId) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(listener::listening);
        SseReader reader = new SseReader(base.toURI().resolve("/films/" + filmId + "/events"));
        assertThat(reader.status()).isEqualTo(200);
        assertThat(reader.response.get().headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            synchronized (reader.comments) {
                return reader.comments.stream().anyMatch(c -> c.contains(filmId));
            }
        });
        return reader;
    }

    @Test
    void aReaderHearsWhenAReviewIsPublishedChangedVotedOnAndRemoved() throws Exception {
        try (SseReader reader = follow()) {
            UUID review = UUID.randomUUID();
            events.publish(review, 1, "Cubussoli", 6, "Very very predictable, including the post credit scene !!!", T0);
            Sent published = reader.next();
            assertThat(published.name()).isEqualTo("review");
            JsonPath notice = JsonPath.from(published.data());
            assertThat(notice.getString("kind")).isEqualTo("published");
            assertThat(notice.getString("reviewId")).isEqualTo(review.toString());
            assertThat(notice.getString("filmId")).isEqualTo(filmId);
            // the notice comes after the commit: the page already shows what it announces
            given().get("/films/{id}", filmId).then().body("reviews.items[0].id",
                    org.hamcrest.Matchers.equalTo(review.toString()));
            // and it carries the parts it changed, rendered as the page renders them, so that nobody fetches the page
            assertThat(notice.getString("reviewHtml")).startsWith("<li id=\"review-" + review + "\">")
                    .contains("Very very predictable, including the post credit scene !!!").contains("Cubussoli");
            assertThat(notice.getString("ratingHtml")).startsWith("<section id=\"rating\"").contains("<strong>6.0</strong>");
            assertThat(notice.getInt("reviewCount")).isEqualTo(1);
            String page = given().accept("text/html").get("/films/{id}", filmId).then().statusCode(200).extract().asString();
            assertThat(page).contains(notice.getString("reviewHtml").strip()).contains(notice.getString("ratingHtml").strip());

            events.publish(review, 2, "Cubussoli", 7, "Predictable, but <script>alert('x')</script> I liked it more.", T0);
            JsonPath changed = JsonPath.from(reader.next().data());
            assertThat(changed.getString("kind")).isEqualTo("changed");
            assertThat(changed.getString("reviewHtml")).contains("&lt;script&gt;").doesNotContain("<script");
            assertThat(changed.getString("ratingHtml")).contains("<strong>7.0</strong>");
            events.vote(review, 2, 1, 3, 0);
            JsonPath voted = JsonPath.from(reader.next().data());
            assertThat(voted.getString("kind")).isEqualTo("voted");
            // the new totals travel with the notice: an open page shows them without fetching itself again
            assertThat(voted.getInt("helpful")).isEqualTo(3);
            assertThat(voted.getInt("notHelpful")).isZero();
            events.withdraw(review, 2);
            JsonPath removed = JsonPath.from(reader.next().data());
            assertThat(removed.getString("kind")).isEqualTo("removed");
            assertThat(removed.getString("reviewHtml")).as("off the page").isNull();
            assertThat(removed.getString("ratingHtml")).contains("No ratings yet.");
            assertThat(removed.getInt("reviewCount")).isZero();

            // a redelivered decision changes nothing, so nobody is told anything
            events.publish(review, 2, "Cubussoli", 7, "Predictable, but <script>alert('x')</script> I liked it more.", T0);
            UUID other = UUID.randomUUID();
            events.publish(other, 1, "BlazeLime", null, "Strong and Moving!", T0);
            JsonPath last = JsonPath.from(reader.next().data());
            assertThat(last.getString("reviewId")).isEqualTo(other.toString());
            assertThat(last.getString("kind")).isEqualTo("published");
        }
    }

    @Test
    void aReaderOfAnotherFilmHearsNothingButARebuild() throws Exception {
        String otherFilm = FilmsTest.createFilm(Map.of("title", "Quiet " + UUID.randomUUID()));
        SseReader quiet = new SseReader(base.toURI().resolve("/films/" + otherFilm + "/events"));
        try (quiet; SseReader reader = follow()) {
            assertThat(quiet.status()).isEqualTo(200);
            events.publish(UUID.randomUUID(), 1, "Cristal", 5, "The movie really just wants to entertain people.", T0);
            assertThat(JsonPath.from(reader.next().data()).getString("kind")).isEqualTo("published");
            assertThat(quiet.received.poll(1, TimeUnit.SECONDS)).isNull();

            RebuildTest.rebuild();
            assertThat(reader.next().name()).isEqualTo("rebuilt");
            assertThat(quiet.next().name()).isEqualTo("rebuilt");
        }
    }

    @Test
    void theStreamOfAnUnknownFilmIsAProblem() {
        given().accept("text/event-stream").get("/films/{id}/events", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aReaderThatStopsTakingNoticesIsDroppedInsteadOfBuffered() {
        UUID film = UUID.randomUUID();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        int before = notices.readers();
        notices.follow(film, "a stalled reader").subscribe().withSubscriber(new MultiSubscriber<PageChange>() {
            @Override
            public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
                // never requests anything: a reader whose connection stalled
            }

            @Override
            public void onItem(PageChange item) {
            }

            @Override
            public void onFailure(Throwable error) {
                failure.set(error);
            }

            @Override
            public void onCompletion() {
            }
        });
        assertThat(notices.readers()).isEqualTo(before + 1);
        for (int i = 0; i < 100; i++) {
            QuarkusTransaction.requiringNew()
                    .run(() -> channel.publish(List.of(new PageChange(PageChange.Kind.VOTED, film, UUID.randomUUID()))));
        }
        // Notices arrive through the database's NOTIFY, a moment after each commit.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(failure.get()).isInstanceOf(BackPressureFailure.class);
            assertThat(notices.readers()).isEqualTo(before);
        });
    }
}
