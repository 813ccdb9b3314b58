package org.filmreviews.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.filmreviews.systemtests.PageHttp.BROWSER_ACCEPT;
import static org.filmreviews.systemtests.PageHttp.get;
import static org.filmreviews.systemtests.PageHttp.json;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.filmreviews.devinfra.launch.ApiClient;
import org.filmreviews.devinfra.launch.LocalSystem;
import org.filmreviews.devinfra.launch.SystemOptions;
import org.filmreviews.systemtests.pages.Browser;
import org.filmreviews.systemtests.pages.CaseFilePage;
import org.filmreviews.systemtests.pages.ConsoleSignInPage;
import org.filmreviews.systemtests.pages.FilmPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The seed film's page as people see it, from the running system: the three packaged services, a real
 * broker and PostgreSQL, the seed loaded through the public API. The page data JSON, the HTML page in
 * headless Chromium (screenshots in {@code target/screenshots/}), live updates, and a rebuild of the
 * page data from the log that changes nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeedFilmPageIT {

    /** Newest first, as on the seed page. */
    private static final List<String> SEED_AUTHORS = List.of(
            "Cubussoli", "BlazeLime", "Tayloriona", "Cristal", "ericoblair", "alex904", "ollaer", "Efenstor");
    private static final ObjectMapper JSON = new ObjectMapper();

    static LocalSystem system;
    static final ApiClient api = new ApiClient();
    static String review;
    static String catalog;
    static String filmId;

    @BeforeAll
    static void start() throws Exception {
        Path project = Path.of(System.getProperty("filmreviews.project.dir", "..")).toAbsolutePath().normalize();
        system = LocalSystem.start(SystemOptions.isolated(project, Files.createTempDirectory("film-reviews-seed-page")));
        review = system.url("review-service");
        catalog = system.url("catalog-service");
        filmId = system.seeded().orElseThrow().filmId();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .until(() -> api.get(catalog + "/films/" + filmId, null).body().path("reviews").path("items").size() == 8);
        Files.createDirectories(Browser.SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    private static JsonNode itemBy(JsonNode page, String author) {
        for (JsonNode item : page.get("reviews").get("items")) {
            if (item.get("author").asText().equals(author)) {
                return item;
            }
        }
        throw new AssertionError("no review by " + author);
    }

    @Test
    @Order(1)
    void thePageDataIsTheSeedPageWithoutTheAdvertisement() throws Exception {
        JsonNode page = json(catalog + "/films/" + filmId);
        assertThat(page.get("title").asText()).isEqualTo("Mirror for a Hero");
        assertThat(page.get("releaseDate").asText()).isEqualTo("1987-12-13");
        assertThat(page.get("reviewCount").asInt()).isEqualTo(8);
        assertThat(page.get("rating").get("histogram")).hasSize(10);
        List<String> authors = new ArrayList<>();
        page.get("reviews").get("items").forEach(item -> authors.add(item.get("author").asText()));
        assertThat(authors).containsExactlyElementsOf(SEED_AUTHORS);
        assertThat(page.get("reviews").get("next").isNull()).isTrue();
        assertThat(page.toString()).doesNotContain("Free Trial").doesNotContain("Watch Free").doesNotContain("StreamFree");

        JsonNode alex = itemBy(page, "alex904");
        assertThat(alex.get("spoiler").asBoolean()).isTrue();
        assertThat(alex.get("spoilerSentences")).isNotEmpty();
        assertThat(itemBy(page, "Efenstor").get("truncated").asBoolean()).isTrue();
        assertThat(itemBy(page, "Efenstor").get("excerpt").asText()).endsWith("…").hasSizeLessThanOrEqualTo(301);
        assertThat(itemBy(page, "BlazeLime").get("excerpt").asText()).isEqualTo("Strong and Moving!");

        // the other orders and a page of three at a time read the same eight reviews
        for (String sort : List.of("highest", "lowest", "helpful")) {
            List<String> seen = new ArrayList<>();
            String next = "/films/" + filmId + "/reviews?sort=" + sort + "&limit=3";
            while (next != null) {
                JsonNode slice = json(catalog + next);
                slice.get("items").forEach(item -> seen.add(item.get("author").asText()));
                next = slice.get("next").isNull() ? null : slice.get("next").asText();
            }
            assertThat(seen).as("sort=%s", sort).containsExactlyInAnyOrderElementsOf(SEED_AUTHORS);
        }
    }

    @Test
    @Order(2)
    void theHtmlPageShowsTheEightReviewsWithTheSpoilersHidden() throws Exception {
        String html = get(catalog + "/films/" + filmId, BROWSER_ACCEPT);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<h1>Mirror for a Hero</h1>")
                .contains("13 December 1987</time> (USA)")
                .contains("id=\"trailers\"").contains("id=\"storyline\"").contains("Sergei and Andrei are walking")
                .contains("User reviews <span class=\"count\">8</span>");
        assertThat(Pattern.compile("<li id=\"review-").matcher(html).results().count()).isEqualTo(8);
        assertThat(html).doesNotContain("Free Trial").doesNotContain("Watch Free").doesNotContain("StreamFree");
        int order = -1;
        for (String author : SEED_AUTHORS) {
            int at = html.indexOf("<span class=\"author\"", order + 1);
            assertThat(html.substring(at, html.indexOf("</span>", at))).endsWith(">" + author);
            order = at;
        }
        // the spoilers of alex904 and ollaer sit inside closed <details>; nobody else has any
        assertThat(Pattern.compile("<details class=\"spoiler-(sentence|review)\"[^>]*>").matcher(html).results()
                .noneMatch(m -> m.group().contains(" open"))).isTrue();
        assertThat(html)
                .containsPattern("<details class=\"spoiler-sentence\"[^>]*><summary>Spoiler – show</summary>Two friends");
        int alexStart = html.indexOf(">alex904<");
        String alex = html.substring(alexStart, html.indexOf("</article>", alexStart));
        assertThat(alex).containsPattern(
                "<details class=\"spoiler-sentence\"[^>]*><summary>Spoiler – show</summary>[^<]*meets his parents");
    }

    @Test
    @Order(3)
    void inABrowserTheSpoilersOpenOnRequestAndNewReviewsAppearLive() throws Exception {
        try (Browser browser = Browser.chromium()) {
            browser.resize(1280, 900);
            FilmPage film = FilmPage.open(browser, catalog, filmId).awaitLiveUpdates(Duration.ofSeconds(60));
            assertThat(browser.title()).startsWith("Mirror for a Hero (1987)");
            assertThat(film.reviews()).isEqualTo(8);
            assertThat(browser.shownText()).doesNotContain("Free Trial");
            browser.screenshot("seed-film-page");

            // ollaer's plot summary is hidden in the excerpt until the reader asks for it
            FilmPage.Review ollaer = film.reviewBy("ollaer");
            assertThat(ollaer.excerptSpoilerShown()).isEqualTo("Spoiler – show");
            assertThat(ollaer.shown()).doesNotContain("Two friends");
            ollaer.openExcerptSpoiler();
            assertThat(ollaer.excerptSpoilerShown()).startsWith("Two friends");
            assertThat(ollaer.shown()).contains("Two friends, typical average middle-class Soviet men");

            // alex904: "View More" shows the whole review; its spoiler sentences stay hidden until clicked
            FilmPage.Review alex = film.reviewBy("alex904");
            assertThat(alex.shown()).doesNotContain("Bottom line");
            alex.viewMore();
            assertThat(alex.shown()).contains("Bottom line").contains("View Less").doesNotContain("meets his parents");
            assertThat(alex.spoilersInFullText()).isPositive();
            alex.scrollToFirstSpoilerInFullText();
            browser.screenshot("seed-film-page-spoiler-closed");
            alex.openSpoilersInFullText();
            assertThat(alex.shown()).contains("meets his parents");
            browser.screenshot("seed-film-page-spoiler-revealed");

            // a review posted now appears without a reload, and what the reader opened stays open; the notice carries
            // the review and the rating as the page renders them, so the page does not fetch itself again
            String refreshedBefore = film.refreshedAt();
            String token = Reviewers.signUp(api, review, "browser-", "Live Reader", "long enough");
            assertThat(api.post(review + "/films/" + filmId + "/reviews", token, Map.of("rating", 9, "headline", "Seen live",
                    "body", "Watched it again tonight <b>and</b> the coal mine scenes still hold up.")).status())
                    .isEqualTo(202);
            FilmPage.Review fresh = film.awaitReviews(9, Duration.ofSeconds(90)).reviewBy("Live Reader");
            assertThat(fresh.shown()).contains("Seen live").contains("Watched it again tonight <b>and</b> the coal mine");
            assertThat(film.ratingShown()).contains("9.0");
            assertThat(film.reviewBy("alex904").shown()).contains("meets his parents");
            assertThat(film.liveStatus()).contains("new review");
            assertThat(film.reviewCountShown()).isEqualTo("9");
            assertThat(film.placedAt()).isNotBlank();
            assertThat(film.refreshedAt()).isEqualTo(refreshedBefore);

            // a vote changes only its own line, from the totals in the notice: the page is not fetched again
            String freshId = fresh.id();
            assertThat(api.put(review + "/reviews/" + freshId + "/vote", api.token(review, "alice", "alice"),
                    Map.of("helpful", true)).status()).isEqualTo(200);
            film.awaitReviewShowing(freshId, "1 of 1 found this helpful", Duration.ofSeconds(60));
            assertThat(film.votedAt()).isNotBlank();
            assertThat(film.refreshedAt()).isEqualTo(refreshedBefore);
            browser.scrollToTop();
            browser.screenshot("seed-film-page-live");
            browser.fullPageScreenshot("seed-film-page-full");

            // a phone-sized window: one column, nothing cut off
            browser.resize(390, 844);
            film.reload();
            film.awaitReviews(9, Duration.ofSeconds(60));
            assertThat(browser.overflowsSideways()).isEqualTo(false);
            browser.screenshot("seed-film-page-phone");
        }
    }

    @Test
    @Order(4)
    void aRebuildFromTheLogGivesTheSamePageData() throws Exception {
        String admin = api.token(review, "admin", "admin");
        await().atMost(Duration.ofSeconds(30)).until(() -> json(catalog + "/films/" + filmId).get("reviewCount").asInt() >= 8);
        String before = checksum(admin);
        String pageBefore = get(catalog + "/films/" + filmId, "application/json");
        ApiClient.Reply rebuilt = api.post(catalog + "/admin/page-data/rebuild", admin, Map.of());
        assertThat(rebuilt.status()).isEqualTo(200);
        assertThat(rebuilt.body().get("result").get("sha256").asText()).isEqualTo(before);
        assertThat(rebuilt.body().get("eventsApplied").asLong()).isGreaterThanOrEqualTo(9);
        assertThat(checksum(admin)).isEqualTo(before);
        assertThat(get(catalog + "/films/" + filmId, "application/json")).isEqualTo(pageBefore);
    }

    @Test
    @Order(5)
    void anAdminsUpdateOfTheFilmReachesItsPage() throws Exception {
        String admin = api.token(review, "admin", "admin");
        JsonNode film = json(catalog + "/films/" + filmId);
        Map<String, Object> update = new java.util.LinkedHashMap<>();
        update.put("title", film.get("title").asText());
        update.put("originalTitle", "Zerkalo dlya geroya");
        update.put("releaseDate", film.get("releaseDate").asText());
        update.put("country", film.get("country").asText());
        update.put("runtimeMinutes", 139);
        update.put("genres", List.of("Drama", "Fantasy"));
        update.put("synopsis", film.get("synopsis").asText());
        update.put("cast", List.of(Map.of("name", "Sergey Koltakov", "character", "Sergey"),
                Map.of("name", "Boris Galkin", "character", "Andrey")));
        update.put("trailers", JSON.convertValue(film.get("trailers"), List.class));
        HttpResponse<String> put = PageHttp.put(catalog + "/films/" + filmId, admin, "\"1\"", update);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

        JsonNode page = json(catalog + "/films/" + filmId);
        assertThat(page.get("originalTitle").asText()).isEqualTo("Zerkalo dlya geroya");
        assertThat(page.get("cast").get(1).get("character").asText()).isEqualTo("Andrey");
        assertThat(page.get("reviewCount").asInt()).isEqualTo(9);

        try (Browser browser = Browser.chromium()) {
            browser.resize(1280, 900);
            FilmPage sorted = FilmPage.open(browser, catalog, filmId + "/page?sort=highest");
            assertThat(sorted.headShown()).contains("Original title: Zerkalo dlya geroya").contains("2h 19min")
                    .contains("Drama, Fantasy");
            assertThat(sorted.storylineShown()).contains("Sergey Koltakov as Sergey");
            assertThat(sorted.reviewAt(0).shown()).contains("Live Reader");
            browser.screenshot("seed-film-page-film-details");
        }
    }

    @Test
    @Order(6)
    void scriptsInTitlesNamesHeadlinesReviewsAndNotesStayTextOnTheFilmPageAndInTheConsole() throws Exception {
        HostileFilm hostile = HostileFilm.publish(system, api);
        String moderation = system.url("moderation-service");
        try (Browser browser = Browser.chromium()) {
            FilmPage.open(browser, catalog, hostile.filmId()).awaitReviews(1, Duration.ofSeconds(60));
            assertInert(browser, catalog);
            assertThat(browser.shownText()).contains(HostileFilm.TITLE).contains("<script>alert('body')</script>")
                    .contains(HostileFilm.NAME)
                    .contains(HostileFilm.HEADLINE).contains("javascript:alert('synopsis')");
            assertThat(browser.title()).contains("<svg/onload=alert('title')>");
            browser.screenshot("hostile-film-page");

            ConsoleSignInPage.open(browser, moderation).signInAs("mia", "mia").awaitSignedIn();
            CaseFilePage.open(browser, moderation, hostile.reviewId()).awaitReviewText();
            assertInert(browser, moderation);
            assertThat(browser.shownText()).contains("<script>alert('body')</script>").contains(HostileFilm.NAME);
            browser.screenshot("hostile-console-case");
        }
        HttpResponse<String> html = PageHttp.response(catalog + "/films/" + hostile.filmId(), "text/html");
        assertThat(html.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
    }

    /**
     * Nothing a client wrote became markup: no alert is open, the page holds no element a payload could have
     * made, and every request the page made went to its own origin.
     */
    private static void assertInert(Browser browser, String origin) {
        assertThat(browser.openAlert()).as("a script from client text ran and opened an alert").isEmpty();
        assertThat(browser.elementsFromClientText()).as("elements made from client text").isEmpty();
        assertThat(browser.requestsOutside(origin)).as("requests that left the page's origin").isEmpty();
        assertThat(browser.bodyDisplay()).isNotEqualTo("none");
    }

    private static String checksum(String admin) {
        ApiClient.Reply reply = api.get(catalog + "/admin/page-data/checksum?film=" + filmId, admin);
        assertThat(reply.status()).isEqualTo(200);
        return reply.body().get("sha256").asText();
    }
}
