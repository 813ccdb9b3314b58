package org.filmreviews.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.filmreviews.devinfra.test.EventTestClient;
import org.filmreviews.devinfra.test.RealInfraTestResource;
import org.filmreviews.events.TextSpan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The HTML film page: the seed page's sections, user text escaped, spoilers and "View More" without JavaScript. */
@QuarkusTest
class FilmPageHtmlTest {

    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    private EventTestClient kafka;
    private ReviewEvents events;
    private String filmId;

    @BeforeEach
    void setUp() {
        kafka = new EventTestClient(RealInfraTestResource.bootstrapServers());
        Map<String, Object> film = FilmAdminTest.fullFilm("Mirror <for> a \"Hero\" " + UUID.randomUUID());
        filmId = FilmsTest.createFilm(film);
        events = new ReviewEvents(kafka, filmId);
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    private String html(String query) {
        return given().accept(BROWSER_ACCEPT).get("/films/" + filmId + "/page" + query)
                .then().statusCode(200).contentType("text/html").extract().asString();
    }

    private void awaitReviews(int count) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> given().get("/films/{id}", filmId).then().extract().jsonPath().getInt("reviewCount") == count);
    }

    @Test
    void thePageHasTheSeedSectionsAndEscapesEveryUserText() {
        events.publish(UUID.randomUUID(), 1, "<img src=x onerror=alert(1)>", 8,
                "Great <script>alert('body')</script> & \"quoted\" </div></details> film.", T0);
        awaitReviews(1);

        String page = html("");
        assertThat(page).contains("<h1>Mirror &lt;for&gt; a &quot;Hero&quot;")
                .contains("<time datetime=\"1987-12-13\">13 December 1987</time> (USSR)")
                .contains("2h 19min").contains("Drama, Fantasy")
                .contains("id=\"trailers\"").contains("href=\"https://example.org/trailer\"")
                .contains("id=\"storyline\"").contains("Two men find themselves in 1949")
                .contains("Sergey Koltakov").contains("as Andrey")
                .contains("id=\"rating\"").contains("<strong>8.0</strong>")
                .contains("id=\"reviews\"").contains("User reviews <span class=\"count\">1</span>");
        assertThat(page).contains("&lt;img src=x onerror=alert(1)&gt;")
                .contains(
                        "Great &lt;script&gt;alert(&#39;body&#39;)&lt;/script&gt; &amp; &quot;quoted&quot; &lt;/div&gt;&lt;/details&gt; film.")
                .doesNotContain("<script>alert").doesNotContain("<img src=x");
        assertThat(page).doesNotContain("Free Trial").doesNotContain("<iframe");
        // the only script is the site's own file; the policy forbids anything else
        assertThat(Pattern.compile("<script").matcher(page).results().count()).isEqualTo(1);
        given().accept(BROWSER_ACCEPT).get("/films/" + filmId + "/page").then()
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("default-src 'none'"));
        given().get("/static/film-page.js").then().statusCode(200).body(containsString("EventSource"));
        given().get("/static/film-page.css").then().statusCode(200).body(containsString("details.spoiler-sentence"));
    }

    @Test
    void spoilersAreHiddenUntilTheReaderOpensThemAndLongReviewsAreCut() {
        UUID whole = UUID.randomUUID();
        UUID sentences = UUID.randomUUID();
        UUID longOne = UUID.randomUUID();
        events.publishSpoiler(whole, 1, "ollaer", 7, "Some of it may be a spoiler. They relive the same day.", List.of(), T0);
        String body = "It is a good story. Andrey was dead all along. The rest is about the coal mine.";
        events.publishSpoiler(sentences, 1, "alex904", 8, body, List.of(new TextSpan(20, 46)), T0.plusSeconds(1));
        String longBody = "Take any of the Andrey Tarkovsky's movies. " + "It is a great movie with a deep idea. ".repeat(12)
                + "THE END.";
        events.publish(longOne, 1, "Efenstor", 9, longBody, T0.plusSeconds(2));
        awaitReviews(3);

        String page = html("");
        // the whole review behind one closed <details>
        String wholeReview = article(page, whole);
        assertThat(wholeReview).contains("<details class=\"spoiler-review\" id=\"spoiler-" + whole + "\">")
                .doesNotContain("<details class=\"spoiler-review\" id=\"spoiler-" + whole + "\" open");
        assertThat(wholeReview.indexOf("They relive the same day")).isGreaterThan(wholeReview.indexOf("<summary>"));
        // only the spoiler sentence behind its own closed <details>, the rest in plain view
        String partial = article(page, sentences);
        assertThat(partial).contains("It is a good story. <details class=\"spoiler-sentence\" id=\"spoiler-" + sentences
                + "-b0\"><summary>Spoiler – show</summary>Andrey was dead all along.</details> The rest is about the coal mine.");
        assertThat(partial).doesNotContain("spoiler-review");
        // the long review: an excerpt, then the whole text behind "View More"
        String cut = article(page, longOne);
        assertThat(cut).contains("<div class=\"text excerpt\">Take any of the Andrey Tarkovsky").contains("…</div>")
                .contains("<details class=\"more\" id=\"more-" + longOne
                        + "\"><summary><span class=\"show-more\">View More</span>")
                .contains("THE END.</div></details>");
        assertThat(cut.indexOf("THE END.")).isGreaterThan(cut.indexOf("View More"));
    }

    @Test
    void browsersGetTheHtmlPageAtTheFilmAddressAndEveryoneElseTheJson() {
        given().accept(BROWSER_ACCEPT).get("/films/{id}", filmId)
                .then().statusCode(200).contentType("text/html")
                .body(containsString("<main id=\"film\" data-film-id=\"" + filmId + "\">"));
        given().accept("*/*").get("/films/{id}", filmId).then().statusCode(200).contentType("application/json")
                .body("id", equalTo(filmId));
        given().accept("application/json").get("/films/{id}", filmId).then().statusCode(200).contentType("application/json");
        given().accept("application/json, text/html;q=0.5").get("/films/{id}", filmId).then().contentType("application/json");
        given().accept("text/plain").get("/films/{id}", filmId).then().statusCode(406).contentType("application/problem+json");
    }

    @Test
    void theReviewsArePagedAndSortedByPlainLinks() {
        for (int i = 0; i < 12; i++) {
            events.publish(UUID.randomUUID(), 1, "Reader " + i, 1 + i % 10, "Review " + i, T0.plusSeconds(i));
        }
        awaitReviews(12);
        String first = html("?sort=highest");
        assertThat(first).contains("aria-current=\"true\">Highest rated</a>");
        Matcher next = Pattern.compile("<a class=\"next\" href=\"([^\"]+)\"").matcher(first);
        assertThat(next.find()).isTrue();
        String href = next.group(1).replace("&amp;", "&").replaceFirst("#.*$", "");
        assertThat(href).startsWith("/films/" + filmId + "/page?sort=highest&cursor=");
        String second = given().accept(BROWSER_ACCEPT).get(href).then().statusCode(200).extract().asString();
        assertThat(Pattern.compile("<li id=\"review-").matcher(second).results().count()).isEqualTo(2);
        assertThat(second).contains("Back to the first reviews").doesNotContain("class=\"next\"");
    }

    /** The markup of one review's article. */
    private static String article(String page, UUID review) {
        int start = page.indexOf("<li id=\"review-" + review + "\">");
        assertThat(start).as("review %s on the page", review).isNotNegative();
        return page.substring(start, page.indexOf("</li>", start));
    }
}
