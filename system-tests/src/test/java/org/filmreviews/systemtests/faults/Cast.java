package org.filmreviews.systemtests.faults;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.filmreviews.devinfra.launch.LocalSystem;
import org.filmreviews.devinfra.test.ReviewTexts;

/**
 * The people and films of the fault suite: films made by the admin through the catalog API, reviewers
 * signed up through review-service, and the (reviewer, film) pairs not used yet (one review per
 * reviewer and film).
 */
final class Cast {

    /** A reviewer and a film they have not reviewed. */
    record Pair(Reviewer reviewer, String filmId) {
    }

    record Reviewer(String username, String token) {
    }

    final String reviewUrl;
    /** Every review-service instance the system started: posts of a {@link ReviewStream} take turns between them. */
    final List<String> reviewUrls;
    final String moderationUrl;
    final String catalogUrl;
    final String adminToken;
    final String moderatorToken;
    final List<String> films = new ArrayList<>();
    final List<Reviewer> reviewers = new ArrayList<>();
    private final Deque<Pair> unused = new ArrayDeque<>();
    private final Random random = new Random(1987);
    private int turn;

    private Cast(LocalSystem system) {
        reviewUrl = system.url("review-service");
        reviewUrls = system.instances("review-service").stream().map(i -> system.url("review-service", i)).toList();
        moderationUrl = system.url("moderation-service");
        catalogUrl = system.url("catalog-service");
        adminToken = token("admin", "admin");
        moderatorToken = token("mia", "mia");
    }

    static Cast of(LocalSystem system, int films, int reviewers) {
        Cast cast = new Cast(system);
        String run = UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < films; i++) {
            Http.Reply film = Http.send("POST", cast.catalogUrl + "/films", cast.adminToken, Map.of(),
                    Map.of("title", "Fault film " + run + "-" + i, "synopsis", "Two friends cross a city in winter."));
            require(film, 201);
            cast.films.add(film.body().get("id").asText());
        }
        for (int i = 0; i < reviewers; i++) {
            cast.reviewers.add(cast.signUp("f" + run + "-" + i));
        }
        List<Pair> pairs = new ArrayList<>();
        for (Reviewer reviewer : cast.reviewers) {
            for (String film : cast.films) {
                pairs.add(new Pair(reviewer, film));
            }
        }
        Collections.shuffle(pairs, cast.random);
        cast.unused.addAll(pairs);
        return cast;
    }

    /** A reviewer of no film yet (not among {@link #reviewers}, whose pairs a stream uses). */
    Reviewer signUp(String username) {
        require(Http.send("POST", reviewUrl + "/accounts", null, Map.of(),
                Map.of("username", username, "displayName", "Reviewer " + username, "password", "fault-suite")), 201);
        return new Reviewer(username, token(username, "fault-suite"));
    }

    /** The review-service instance whose turn it is. */
    synchronized String nextReviewUrl() {
        return reviewUrls.get(turn++ % reviewUrls.size());
    }

    synchronized Pair nextPair() {
        Pair pair = unused.poll();
        if (pair == null) {
            throw new IllegalStateException("Every reviewer has reviewed every film: make the cast larger");
        }
        return pair;
    }

    /** An honest review of a few sentences, different from every other (so that no copy or flood is suspected). */
    synchronized String reviewText() {
        return ReviewTexts.next(random, 20, 12);
    }

    String token(String username, String password) {
        Http.Reply reply = Http.send("POST", reviewUrl + "/auth/token", null, Map.of(),
                Map.of("username", username, "password", password));
        require(reply, 200);
        return reply.body().get("access_token").asText();
    }

    static void require(Http.Reply reply, int status) {
        if (reply.status() != status) {
            throw new IllegalStateException("Expected HTTP " + status + " but got " + reply.status() + ": " + reply.text());
        }
    }
}
