package org.filmreviews.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.filmreviews.devinfra.launch.ApiClient;
import org.filmreviews.devinfra.launch.LocalSystem;
import org.filmreviews.devinfra.launch.SystemOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

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
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();

    static LocalSystem system;
    static final ApiClient api = new ApiClient();
    static final HttpClient http = HttpClient.newHttpClient();
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
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() ->
                api.get(catalog + "/films/" + filmId, null).body().path("reviews").path("items").size() == 8);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    private static String get(String url, String accept) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", url).isEqualTo(200);
        return response.body();
    }

    private static JsonNode json(String url) throws Exception {
        return JSON.readTree(get(url, "application/json"));
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
        assertThat(html).containsPattern("<details class=\"spoiler-sentence\"[^>]*><summary>Spoiler – show</summary>Two friends");
        int alexStart = html.indexOf(">alex904<");
        String alex = html.substring(alexStart, html.indexOf("</article>", alexStart));
        assertThat(alex).containsPattern("<details class=\"spoiler-sentence\"[^>]*><summary>Spoiler – show</summary>[^<]*meets his parents");
    }

    @Test
    @Order(3)
    void inABrowserTheSpoilersOpenOnRequestAndNewReviewsAppearLive() throws Exception {
        WebDriver browser = chromium();
        try {
            browser.manage().window().setSize(new Dimension(1280, 900));
            browser.get(catalog + "/films/" + filmId);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            wait.until(d -> "connected".equals(d.findElement(By.id("film")).getAttribute("data-live")));
            assertThat(browser.getTitle()).startsWith("Mirror for a Hero (1987)");
            assertThat(browser.findElements(By.cssSelector(".review-list > li"))).hasSize(8);
            assertThat(shown(browser, browser.findElement(By.tagName("body")))).doesNotContain("Free Trial");
            screenshot(browser, "seed-film-page.png");

            // ollaer's plot summary is hidden in the excerpt until the reader asks for it
            WebElement ollaer = review(browser, "ollaer");
            WebElement hidden = ollaer.findElement(By.cssSelector(".excerpt details.spoiler-sentence"));
            assertThat(shown(browser, hidden)).isEqualTo("Spoiler – show");
            assertThat(shown(browser, ollaer)).doesNotContain("Two friends");
            hidden.findElement(By.tagName("summary")).click();
            assertThat(shown(browser, hidden)).startsWith("Two friends");
            assertThat(shown(browser, ollaer)).contains("Two friends, typical average middle-class Soviet men");

            // alex904: "View More" shows the whole review; its spoiler sentences stay hidden until clicked
            WebElement alex = review(browser, "alex904");
            assertThat(shown(browser, alex)).doesNotContain("Bottom line");
            alex.findElement(By.cssSelector("details.more > summary")).click();
            assertThat(shown(browser, alex)).contains("Bottom line").contains("View Less").doesNotContain("meets his parents");
            List<WebElement> alexSpoilers = alex.findElements(By.cssSelector("details.more details.spoiler-sentence"));
            assertThat(alexSpoilers).isNotEmpty();
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", alexSpoilers.get(0));
            screenshot(browser, "seed-film-page-spoiler-closed.png");
            for (WebElement spoiler : alexSpoilers) {
                spoiler.findElement(By.tagName("summary")).click();
            }
            assertThat(shown(browser, alex)).contains("meets his parents");
            screenshot(browser, "seed-film-page-spoiler-revealed.png");

            // a review posted now appears without a reload, and what the reader opened stays open; the notice carries
            // the review and the rating as the page renders them, so the page does not fetch itself again
            String refreshedBefore = browser.findElement(By.id("film")).getAttribute("data-refreshed");
            String username = "browser-" + UUID.randomUUID().toString().substring(0, 8);
            assertThat(api.post(review + "/accounts", null,
                    Map.of("username", username, "displayName", "Live Reader", "password", "long enough")).status()).isEqualTo(201);
            String token = api.token(review, username, "long enough");
            assertThat(api.post(review + "/films/" + filmId + "/reviews", token, Map.of("rating", 9, "headline", "Seen live",
                    "body", "Watched it again tonight <b>and</b> the coal mine scenes still hold up.")).status()).isEqualTo(202);
            new WebDriverWait(browser, Duration.ofSeconds(90)).until(d ->
                    d.findElements(By.cssSelector(".review-list > li")).size() == 9);
            WebElement fresh = review(browser, "Live Reader");
            assertThat(shown(browser, fresh)).contains("Seen live").contains("Watched it again tonight <b>and</b> the coal mine");
            assertThat(shown(browser, browser.findElement(By.id("rating")))).contains("9.0");
            assertThat(shown(browser, review(browser, "alex904"))).contains("meets his parents");
            assertThat(shown(browser, browser.findElement(By.id("live-status")))).contains("new review");
            assertThat(shown(browser, browser.findElement(By.cssSelector("#reviews-title .count")))).isEqualTo("9");
            assertThat(browser.findElement(By.id("film")).getAttribute("data-placed")).isNotBlank();
            assertThat(browser.findElement(By.id("film")).getAttribute("data-refreshed")).isEqualTo(refreshedBefore);

            // a vote changes only its own line, from the totals in the notice: the page is not fetched again
            String item = (String) ((JavascriptExecutor) browser).executeScript("return arguments[0].closest('li').id", fresh);
            assertThat(api.put(review + "/reviews/" + item.substring("review-".length()) + "/vote", api.token(review, "alice", "alice"),
                    Map.of("helpful", true)).status()).isEqualTo(200);
            new WebDriverWait(browser, Duration.ofSeconds(60)).until(d ->
                    shown(browser, d.findElement(By.id(item))).contains("1 of 1 found this helpful"));
            assertThat(browser.findElement(By.id("film")).getAttribute("data-voted")).isNotBlank();
            assertThat(browser.findElement(By.id("film")).getAttribute("data-refreshed")).isEqualTo(refreshedBefore);
            ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
            screenshot(browser, "seed-film-page-live.png");
            fullPage(browser, "seed-film-page-full.png");

            // a phone-sized window: one column, nothing cut off
            browser.manage().window().setSize(new Dimension(390, 844));
            browser.navigate().refresh();
            wait.until(d -> d.findElements(By.cssSelector(".review-list > li")).size() == 9);
            Object overflow = ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
            assertThat(overflow).isEqualTo(false);
            screenshot(browser, "seed-film-page-phone.png");
        } finally {
            browser.quit();
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
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(catalog + "/films/" + filmId))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json").header("If-Match", "\"1\"")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(update))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

        JsonNode page = json(catalog + "/films/" + filmId);
        assertThat(page.get("originalTitle").asText()).isEqualTo("Zerkalo dlya geroya");
        assertThat(page.get("cast").get(1).get("character").asText()).isEqualTo("Andrey");
        assertThat(page.get("reviewCount").asInt()).isEqualTo(9);

        WebDriver browser = chromium();
        try {
            browser.manage().window().setSize(new Dimension(1280, 900));
            browser.get(catalog + "/films/" + filmId + "/page?sort=highest");
            String header = shown(browser, browser.findElement(By.cssSelector(".film-head")));
            assertThat(header).contains("Original title: Zerkalo dlya geroya").contains("2h 19min").contains("Drama, Fantasy");
            assertThat(shown(browser, browser.findElement(By.id("storyline")))).contains("Sergey Koltakov as Sergey");
            assertThat(shown(browser, browser.findElements(By.cssSelector(".review-list > li")).get(0))).contains("Live Reader");
            screenshot(browser, "seed-film-page-film-details.png");
        } finally {
            browser.quit();
        }
    }

    /** Payloads of the common stored-XSS kinds, one per place a client's text reaches a page. */
    static final String HOSTILE_TITLE = "<svg/onload=alert('title')>Hostile \"Title\"</script>";
    static final String HOSTILE_SYNOPSIS = "<style>body{display:none}</style><a href=\"javascript:alert('synopsis')\">Click</a>"
            + "<img src=//127.0.0.2/leak.png>";
    static final String HOSTILE_NAME = "<img src=x onerror=alert('name')>";
    static final String HOSTILE_HEADLINE = "<iframe src=\"javascript:alert('headline')\"></iframe>";
    static final String HOSTILE_BODY = "I enjoyed the film. <script>alert('body')</script> The <b onmouseover=alert('b')>acting</b> "
            + "holds up <svg><script>alert('svg')</script></svg> and the <div style=\"background:url(javascript:alert('css'))\">score</div> too.";
    static final String HOSTILE_NOTE = "<script>alert('note')</script>Approved after a look.";

    @Test
    @Order(6)
    void scriptsInTitlesNamesHeadlinesReviewsAndNotesStayTextOnTheFilmPageAndInTheConsole() throws Exception {
        String admin = api.token(review, "admin", "admin");
        String mia = api.token(review, "mia", "mia");
        String moderation = system.url("moderation-service");
        ApiClient.Reply film = api.post(catalog + "/films", admin, Map.of("title", HOSTILE_TITLE, "synopsis", HOSTILE_SYNOPSIS));
        assertThat(film.status()).as("film: %s", film.body()).isEqualTo(201);
        String hostileFilm = film.body().get("id").asText();
        String username = "xss-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post(review + "/accounts", null, Map.of("username", username, "displayName", HOSTILE_NAME,
                "password", "long enough")).status()).isEqualTo(201);
        String author = api.token(review, username, "long enough");
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            ApiClient.Reply posted = api.post(review + "/films/" + hostileFilm + "/reviews", author,
                    Map.of("rating", 7, "headline", HOSTILE_HEADLINE, "body", HOSTILE_BODY));
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
                        Map.of("decision", "APPROVE", "note", HOSTILE_NOTE));
            }
            return false;
        });

        WebDriver browser = chromium();
        try {
            browser.get(catalog + "/films/" + hostileFilm);
            new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> d.findElements(By.cssSelector(".review-list > li")).size() == 1);
            assertInert(browser, catalog);
            String page = shown(browser, browser.findElement(By.tagName("body")));
            assertThat(page).contains(HOSTILE_TITLE).contains("<script>alert('body')</script>").contains(HOSTILE_NAME)
                    .contains(HOSTILE_HEADLINE).contains("javascript:alert('synopsis')");
            assertThat(browser.getTitle()).contains("<svg/onload=alert('title')>");
            screenshot(browser, "hostile-film-page.png");

            browser.get(moderation + "/console");
            browser.findElement(By.id("username")).sendKeys("mia");
            browser.findElement(By.id("password")).sendKeys("mia");
            browser.findElement(By.id("sign-in-button")).click();
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElements(By.id("signed-in-user")).size() == 1);
            browser.get(moderation + "/console/cases/" + id[0]);
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElements(By.id("body")).size() == 1);
            assertInert(browser, moderation);
            String casePage = shown(browser, browser.findElement(By.tagName("body")));
            assertThat(casePage).contains("<script>alert('body')</script>").contains(HOSTILE_NAME);
            screenshot(browser, "hostile-console-case.png");
        } finally {
            browser.quit();
        }
        HttpResponse<String> html = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(catalog + "/films/" + hostileFilm))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(html.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
    }

    /**
     * Nothing a client wrote became markup: no alert is open, the page holds no element a payload could have
     * made, and every request the page made went to its own origin.
     */
    private static void assertInert(WebDriver browser, String origin) {
        try {
            String text = browser.switchTo().alert().getText();
            throw new AssertionError("A script from client text ran and opened an alert: " + text);
        } catch (org.openqa.selenium.NoAlertPresentException expected) {
            // the text stayed text
        }
        JavascriptExecutor js = (JavascriptExecutor) browser;
        Object injected = js.executeScript("return Array.from(document.querySelectorAll('main iframe, main img, main svg, main style,"
                + " main script, main [onerror], main [onload], main [onmouseover], main [style*=javascript], main a[href^=javascript]'))"
                + ".map(e => e.outerHTML.substring(0, 120))");
        assertThat((List<?>) injected).as("elements made from client text").isEmpty();
        Object elsewhere = js.executeScript("return performance.getEntriesByType('resource').map(e => e.name)"
                + ".filter(n => !n.startsWith(arguments[0]))", origin);
        assertThat((List<?>) elsewhere).as("requests that left the page's origin").isEmpty();
        assertThat(js.executeScript("return getComputedStyle(document.body).display")).isNotEqualTo("none");
    }

    private static String checksum(String admin) {
        ApiClient.Reply reply = api.get(catalog + "/admin/page-data/checksum?film=" + filmId, admin);
        assertThat(reply.status()).isEqualTo(200);
        return reply.body().get("sha256").asText();
    }

    private static WebElement review(WebDriver browser, String author) {
        return browser.findElements(By.cssSelector(".review-list > li")).stream()
                .filter(li -> shown(browser, li.findElement(By.cssSelector(".author"))).equals(author))
                .findFirst().orElseThrow(() -> new AssertionError("no review by " + author + " in the browser"));
    }

    /**
     * The text as the browser renders it ({@code innerText}): what a reader sees. WebDriver's own
     * getText() counts the content of a closed {@code <details>} as visible.
     */
    private static String shown(WebDriver browser, WebElement element) {
        return (String) ((JavascriptExecutor) browser).executeScript("return arguments[0].innerText", element);
    }

    private static WebDriver chromium() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile").toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    private static void screenshot(WebDriver browser, String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The whole page: a window as tall as the document. */
    private static void fullPage(WebDriver browser, String name) throws IOException {
        Dimension before = browser.manage().window().getSize();
        Number height = (Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(before.getWidth(), height.intValue() + 140));
        screenshot(browser, name);
        browser.manage().window().setSize(before);
    }
}
