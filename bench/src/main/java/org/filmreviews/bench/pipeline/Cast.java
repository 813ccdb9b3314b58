package org.filmreviews.bench.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.filmreviews.devinfra.launch.ApiClient;
import org.filmreviews.devinfra.test.ReviewTexts;

/**
 * The films and reviewers of one run, created through the public API as any client would, and the unused
 * (reviewer, film) pairs: one review per author and film, so that no post is refused as a second review.
 */
final class Cast {

    record Pair(String token, String film) {
    }

    final List<String> films = new ArrayList<>();
    private final Deque<Pair> unused = new ArrayDeque<>();
    private final Random random = new Random(20261206);

    static Cast create(BenchTarget target, Sizes sizes) throws Exception {
        ApiClient api = new ApiClient();
        Cast cast = new Cast();
        String admin = api.token(target.reviewUrl(), "admin", "admin");
        String run = UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < sizes.films(); i++) {
            ApiClient.Reply film = api.post(target.catalogUrl() + "/films", admin,
                    Map.of("title", "Bench film " + run + "-" + i, "synopsis", "Two friends cross a city in winter."));
            require(film, 201);
            cast.films.add(film.body().get("id").asText());
        }
        // Sign-ups and sign-ins hash passwords (bcrypt): both cores at once.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> tokens = new ArrayList<>();
        for (int i = 0; i < sizes.reviewers(); i++) {
            String username = "bench" + run + "-" + i;
            tokens.add(pool.submit(() -> {
                require(api.post(target.reviewUrl() + "/accounts", null,
                        Map.of("username", username, "displayName", "Bench " + username, "password", "bench-password")), 201);
                return api.token(target.reviewUrl(), username, "bench-password");
            }));
        }
        List<Pair> pairs = new ArrayList<>();
        for (Future<String> token : tokens) {
            for (String film : cast.films) {
                pairs.add(new Pair(token.get(), film));
            }
        }
        pool.shutdown();
        Collections.shuffle(pairs, cast.random);
        cast.unused.addAll(pairs);
        String probe = "bench" + run + "-probe";
        require(api.post(target.reviewUrl() + "/accounts", null,
                Map.of("username", probe, "displayName", "Bench probe", "password", "bench-password")), 201);
        cast.awaitFilmsKnown(api, target, api.token(target.reviewUrl(), probe, "bench-password"));
        return cast;
    }

    /**
     * review-service learns of films from catalog.film-changed.v1: a probe account reviews each film, again after
     * each 404, until review-service takes it.
     */
    private void awaitFilmsKnown(ApiClient api, BenchTarget target, String probe) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        for (String film : films) {
            while (true) {
                ApiClient.Reply reply = api.post(target.reviewUrl() + "/films/" + film + "/reviews", probe,
                        Map.of("body", text()));
                if (reply.status() == 202) {
                    break;
                }
                if (reply.status() != 404 || System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "review-service does not take reviews of film " + film + ": " + reply.body());
                }
                Thread.sleep(100);
            }
        }
    }

    synchronized Pair next() {
        Pair pair = unused.poll();
        if (pair == null) {
            throw new IllegalStateException("Every reviewer has reviewed every film: give the run more films or reviewers");
        }
        return pair;
    }

    synchronized int left() {
        return unused.size();
    }

    /** An honest review of a few sentences, different from every other (so that no copy or flood is suspected). */
    synchronized String text() {
        return ReviewTexts.next(random, 25, 15);
    }

    private static void require(ApiClient.Reply reply, int status) {
        if (reply.status() != status) {
            throw new IllegalStateException("Expected HTTP " + status + " but got " + reply.status() + ": " + reply.body());
        }
    }
}
