package org.filmreviews.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.filmreviews.devinfra.launch.ApiClient;
import org.filmreviews.devinfra.launch.LocalSystem;

/**
 * A film whose title and synopsis, and a published review of it whose author's name, headline, text and
 * moderator's note, are stored-XSS payloads: made through the public API as an admin, an author and a
 * moderator would, for the pages that show them to be checked.
 */
record HostileFilm(String filmId, String reviewId) {

    /** Payloads of the common stored-XSS kinds, one per place a client's text reaches a page. */
    static final String TITLE = "<svg/onload=alert('title')>Hostile \"Title\"</script>";
    static final String SYNOPSIS = "<style>body{display:none}</style><a href=\"javascript:alert('synopsis')\">Click</a>"
            + "<img src=//127.0.0.2/leak.png>";
    static final String NAME = "<img src=x onerror=alert('name')>";
    static final String HEADLINE = "<iframe src=\"javascript:alert('headline')\"></iframe>";
    static final String BODY = "I enjoyed the film. <script>alert('body')</script> The <b onmouseover=alert('b')>acting</b> "
            + "holds up <svg><script>alert('svg')</script></svg> and the <div style=\"background:url(javascript:alert('css'))\">score</div> too.";
    static final String NOTE = "<script>alert('note')</script>Approved after a look.";

    /** Returns once the review is published, so that it is on the film's page. */
    static HostileFilm publish(LocalSystem system, ApiClient api) {
        String review = system.url("review-service");
        String catalog = system.url("catalog-service");
        String moderation = system.url("moderation-service");
        String admin = api.token(review, "admin", "admin");
        String mia = api.token(review, "mia", "mia");
        ApiClient.Reply film = api.post(catalog + "/films", admin, Map.of("title", TITLE, "synopsis", SYNOPSIS));
        assertThat(film.status()).as("film: %s", film.body()).isEqualTo(201);
        String hostileFilm = film.body().get("id").asText();
        String author = Reviewers.signUp(api, review, "xss-", NAME, "long enough");
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            ApiClient.Reply posted = api.post(review + "/films/" + hostileFilm + "/reviews", author,
                    Map.of("rating", 7, "headline", HEADLINE, "body", BODY));
            id[0] = posted.status() == 202 ? posted.body().get("id").asText() : null;
            return id[0] != null; // 404 until review-service has heard of the new film
        });
        // Whatever the engine thinks of it, a moderator approves it with a hostile note, so that it reaches the page.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            String status = api.get(review + "/reviews/" + id[0], author).body().path("status").asText();
            if (status.startsWith("PUBLISHED")) {
                return true;
            }
            if ("REJECTED".equals(status)) {
                api.post(review + "/reviews/" + id[0] + "/appeal", author, Map.of("message", "Please look again."));
            } else if (api.get(moderation + "/moderation/cases/" + id[0], mia).body().path("open").asBoolean()) {
                api.post(moderation + "/moderation/cases/" + id[0] + "/decision", mia,
                        Map.of("decision", "APPROVE", "note", NOTE));
            }
            return false;
        });
        return new HostileFilm(hostileFilm, id[0]);
    }
}
