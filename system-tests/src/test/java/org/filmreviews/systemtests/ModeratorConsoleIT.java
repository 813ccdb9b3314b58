package org.filmreviews.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.filmreviews.devinfra.launch.ApiClient;
import org.filmreviews.devinfra.launch.LocalSystem;
import org.filmreviews.devinfra.launch.SystemOptions;
import org.filmreviews.devinfra.launch.ServiceEnvironment;
import org.filmreviews.devinfra.launch.ServiceProcess;
import org.filmreviews.devinfra.keys.JwtKeys;
import org.filmreviews.devinfra.test.EventTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A moderator clears a queue of held and appealed reviews in the console, in headless Chromium, against
 * the three packaged services on a real broker and PostgreSQL; then the film page shows the result.
 * Screenshots go to {@code target/screenshots/}, the figures of the run to {@code target/screenshots/figures.txt}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModeratorConsoleIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String PASSWORD = "a long enough password";

    static final String LINK = "Director interview at www.kino-archive.example, worth reading.";
    static final String HOSTILE = "<script>alert('xss')</script> Set photos <img src=x onerror=alert(1)> at www.set-photos.example";
    static final String SPOILER = "The mine scenes are stunning. In the end Andrei dies in the explosion. See www.mine-notes.example for more.";
    static final String LATE = "Restoration notes: www.restoration-notes.example/mirror";

    static LocalSystem system;
    static Path run;
    static final ApiClient api = new ApiClient();
    static String review;
    static String moderation;
    static String catalog;
    static String filmId;
    static final Map<String, String> figures = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws IOException {
        Path project = Path.of(System.getProperty("filmreviews.project.dir", "..")).toAbsolutePath().normalize();
        run = Files.createTempDirectory("film-reviews-console");
        system = LocalSystem.start(SystemOptions.isolated(project, run));
        review = system.url("review-service");
        catalog = system.url("catalog-service");
        filmId = system.seeded().orElseThrow().filmId();
        moderation = system.url("moderation-service");
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() throws IOException {
        if (system != null) {
            system.close();
        }
        StringBuilder text = new StringBuilder();
        figures.forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
        Files.createDirectories(SCREENSHOTS);
        Files.writeString(SCREENSHOTS.resolve("figures.txt"), text.toString());
        System.out.print("[console figures]\n" + text);
    }

    /**
     * Restarts moderation-service on the same port, database and broker, as an operator would: the
     * engine's learned state must survive it (see the last test).
     */
    static void restartModerationService() {
        ServiceProcess old = system.services().get("moderation-service");
        int port = URI.create(old.url()).getPort();
        old.close();
        Map<String, String> env = new LinkedHashMap<>(ServiceEnvironment.of(system.postgres(), "moderation",
                system.kafkaBootstrapServers(), JwtKeys.ensure(run.resolve("keys")), false));
        env.put("QUARKUS_PROFILE", "local");
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("FILMREVIEWS_REVIEW_SERVICE_URL", system.url("review-service"));
        Path jar = Path.of(System.getProperty("filmreviews.project.dir", "..")).toAbsolutePath().normalize()
                .resolve("moderation-service/target/quarkus-app/quarkus-run.jar");
        ServiceProcess fresh = ServiceProcess.start("moderation-service", jar, port, env, run);
        system.services().put("moderation-service", fresh); // stopped with the rest by system.close()
        fresh.awaitReady(Duration.ofSeconds(120));
    }

    private static String reviewer() {
        String username = "viewer-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post(review + "/accounts", null,
                Map.of("username", username, "displayName", "Console Viewer", "password", PASSWORD)).status()).isEqualTo(201);
        return api.token(review, username, PASSWORD);
    }

    /** Each review from a reviewer of its own: an author writes one review per film. */
    private static String post(String body) {
        String token = reviewer();
        ApiClient.Reply reply = api.post(review + "/films/" + filmId + "/reviews", token, Map.of("body", body, "rating", 7));
        assertThat(reply.status()).as("posting %s: %s", body, reply.body()).isEqualTo(202);
        String id = reply.body().get("id").asText();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                "IN_REVIEW".equals(api.get(review + "/reviews/" + id, token).body().path("status").asText()));
        return id;
    }

    private static JsonNode page() {
        return api.get(catalog + "/films/" + filmId, null).body();
    }

    /** Every review on the film page, following the page's keyset links. */
    private static List<JsonNode> pageReviews() {
        List<JsonNode> items = new ArrayList<>();
        JsonNode reviews = page().path("reviews");
        while (true) {
            reviews.path("items").forEach(items::add);
            if (reviews.path("next").isNull() || reviews.path("next").isMissingNode()) {
                return items;
            }
            reviews = api.get(catalog + reviews.get("next").asText(), null).body();
        }
    }

    private static WebDriver browser() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000", "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static void screenshot(WebDriver driver, String name) throws IOException {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }

    private static void press(WebDriver driver, String keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    private static void assertNoAlert(WebDriver driver) {
        try {
            String text = driver.switchTo().alert().getText();
            throw new AssertionError("A script from review text ran and opened an alert: " + text);
        } catch (NoAlertPresentException expected) {
            // review text stayed text
        }
    }

    @Test
    @Order(1)
    void aModeratorClearsTheQueueInTheBrowserAndTheFilmPageShowsTheResult() throws Exception {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> pageReviews().size() == 8);
        String linkId = post(LINK);
        String hostileId = post(HOSTILE);
        String spoilerId = post(SPOILER);
        String adId = appealTheSeedAdvertisement();
        List<JsonNode> before = pageReviews();
        assertThat(before).hasSize(8);

        String lateReview;
        WebDriver driver = browser();
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            driver.get(moderation + "/console");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
            screenshot(driver, "01-sign-in");
            driver.findElement(By.id("username")).sendKeys("mia");
            driver.findElement(By.id("password")).sendKeys("wrong");
            driver.findElement(By.id("sign-in-button")).click();
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-error"))).getText())
                    .contains("Wrong user name or password");
            driver.findElement(By.id("password")).sendKeys("mia");
            Instant signedIn = Instant.now();
            driver.findElement(By.id("sign-in-button")).click();

            wait.until(ExpectedConditions.textToBe(By.id("signed-in-user"), "mia"));
            wait.until(d -> d.findElements(By.cssSelector("#queue-rows tr[data-review]")).size() == 4);
            assertThat(driver.findElement(By.id("queue-size")).getText()).isEqualTo("4");
            assertThat(driver.findElement(By.id("queue-rows")).getText()).contains("<script>alert('xss')</script>");
            assertThat(driver.findElements(By.cssSelector("#queue-rows tr.appeal"))).hasSize(1);
            assertNoAlert(driver);
            screenshot(driver, "02-queue");

            // a case arriving while the moderator looks at the queue shows up without a reload
            String lateId = post(LATE);
            lateReview = lateId;
            wait.until(d -> d.findElements(By.cssSelector("#queue-rows tr[data-review='" + lateId + "']")).size() == 1);
            wait.until(ExpectedConditions.textToBe(By.id("queue-size"), "5"));
            assertThat(driver.findElement(By.id("live")).getText()).contains("new case");
            screenshot(driver, "03-queue-live-update");

            press(driver, "\n"); // Enter: the oldest case
            List<String> decided = new ArrayList<>();
            List<String> how = new ArrayList<>();
            int screenshots = 4;
            while (decided.size() < 10) {
                wait.until(d -> d.getCurrentUrl().contains("/console/cases/") || d.getCurrentUrl().contains("cleared=true"));
                if (driver.getCurrentUrl().contains("cleared=true")) {
                    break;
                }
                WebElement root = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case")));
                String id = root.getAttribute("data-review");
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("claim"), "Claimed by you"));
                String body = driver.findElement(By.id("body")).getText();
                String url = driver.getCurrentUrl();
                assertNoAlert(driver);
                if (id.equals(linkId)) {
                    screenshot(driver, String.format("%02d-case-held-link", screenshots++));
                    driver.findElement(By.id("approve")).click();
                    how.add("approve by click");
                } else if (id.equals(hostileId)) {
                    assertThat(body).contains("<script>alert('xss')</script>").contains("<img src=x onerror=alert(1)>");
                    screenshot(driver, String.format("%02d-case-hostile-text-escaped", screenshots++));
                    press(driver, "1");
                    assertThat(driver.findElement(By.id("reason")).getAttribute("value")).isEqualTo("spam");
                    press(driver, "r");
                    how.add("reject by keys 1, R");
                } else if (id.equals(spoilerId)) {
                    List<WebElement> highlighted = driver.findElements(By.cssSelector("#body .segment.spoiler"));
                    assertThat(highlighted).isNotEmpty();
                    assertThat(highlighted.get(0).getText()).contains("dies");
                    screenshot(driver, String.format("%02d-case-spoiler-highlighted", screenshots++));
                    press(driver, "s");
                    how.add("approve as spoiler by key S");
                } else if (id.equals(adId)) {
                    assertThat(driver.findElement(By.id("appeal-text")).getText()).contains("not an advertisement");
                    assertThat(driver.findElement(By.id("status")).getText()).contains("Appeal");
                    screenshot(driver, String.format("%02d-case-appeal", screenshots++));
                    new Select(driver.findElement(By.id("reason"))).selectByValue("spam");
                    driver.findElement(By.id("note")).sendKeys("Still an advertisement for a streaming service.");
                    driver.findElement(By.id("reject")).click();
                    how.add("reject appeal by click, reason and note");
                } else if (id.equals(lateId)) {
                    press(driver, "a");
                    how.add("approve by key A");
                } else {
                    throw new AssertionError("An unexpected case in the queue: " + id + " " + body);
                }
                decided.add(id);
                wait.until(ExpectedConditions.not(ExpectedConditions.urlToBe(url)));
            }
            Duration clearing = Duration.between(signedIn, Instant.now());
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
            assertThat(driver.findElement(By.id("notice")).getText()).contains("queue is clear");
            assertThat(driver.findElement(By.id("queue-size")).getText()).isEqualTo("0");
            screenshot(driver, String.format("%02d-queue-cleared", screenshots++));
            assertThat(decided).containsExactlyInAnyOrder(linkId, hostileId, spoilerId, adId, lateId);

            driver.get(moderation + "/console/cases/" + spoilerId);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit")));
            String audit = driver.findElement(By.id("audit")).getText();
            assertThat(audit).contains("MACHINE_DECISION").contains("CLAIM").contains("DECISION").contains("mia");
            ((JavascriptExecutor) driver).executeScript("document.getElementById('audit').scrollIntoView()");
            screenshot(driver, String.format("%02d-case-audit-trail", screenshots));

            figures.put("cases decided in the browser", Integer.toString(decided.size()));
            figures.put("how", String.join("; ", how));
            figures.put("sign-in to clear queue (incl. one live arrival)", clearing.toMillis() + " ms");
            figures.put("per case", clearing.toMillis() / decided.size() + " ms");

            // the results reach the page through moderation.review-decided.v1
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> pageReviews().size() == 11);
            Instant pageAt = Instant.now();
            List<JsonNode> after = pageReviews();
            Map<String, JsonNode> byId = new LinkedHashMap<>();
            after.forEach(item -> byId.put(item.get("id").asText(), item));
            assertThat(byId).containsKeys(linkId, spoilerId, lateReview).doesNotContainKeys(hostileId, adId);
            assertThat(byId.get(linkId).get("spoiler").asBoolean()).isFalse();
            JsonNode spoiler = byId.get(spoilerId);
            assertThat(spoiler.get("spoiler").asBoolean()).isTrue();
            assertThat(spoiler.get("spoilerSentences").size()).isGreaterThan(0);
            assertThat(page().toString()).doesNotContain("Free Trial").doesNotContain("onerror");
            figures.put("film page shows the decisions", "11 reviews (8 seed + 3 approved), checked " + pageAt);

            // policy violation found later: off the page and back, from the console, through the same event
            driver.get(moderation + "/console/cases/" + linkId);
            wait.until(ExpectedConditions.elementToBeClickable(By.id("take-down")));
            press(driver, "2");
            assertThat(driver.findElement(By.id("reason")).getAttribute("value")).isEqualTo("off-topic");
            press(driver, "t");
            wait.until(ExpectedConditions.elementToBeClickable(By.id("restore")));
            assertThat(driver.findElement(By.id("status")).getText()).contains("REJECT").contains("taken down");
            screenshot(driver, "10-case-taken-down");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                    pageReviews().stream().noneMatch(item -> item.get("id").asText().equals(linkId)));
            press(driver, "u");
            wait.until(ExpectedConditions.elementToBeClickable(By.id("take-down")));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                    pageReviews().stream().anyMatch(item -> item.get("id").asText().equals(linkId)));
            figures.put("take-down and restore reached the film page", "yes");
        } finally {
            driver.quit();
        }

        // and to the authors, through review-service (read here with a moderator's token)
        String token = api.token(review, "mia", "mia");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(status(token, linkId)).isEqualTo("PUBLISHED");
            assertThat(status(token, spoilerId)).isEqualTo("PUBLISHED_SPOILER");
            assertThat(status(token, hostileId)).isEqualTo("REJECTED");
        });
        String mia = api.token(review, "mia", "mia");
        JsonNode stats = api.get(moderation + "/moderation/stats", mia).body();
        assertThat(stats.path("queue").path("size").asLong()).isZero();
        assertThat(stats.path("decisionsPerModeratorPerDay").toString()).contains("\"mia\"");
    }

    private static String status(String token, String id) {
        return api.get(review + "/reviews/" + id, token).body().path("status").asText();
    }

    /** The seed advertisement was rejected at start; its author appeals through review-service. */
    private static String appealTheSeedAdvertisement() throws IOException {
        String mia = api.token(review, "mia", "mia");
        String author = api.token(review, "streamfree", "mirror-for-a-hero");
        String adId = null;
        try (EventTestClient kafka = new EventTestClient(system.kafkaBootstrapServers())) {
            for (var record : kafka.read("moderation.review-decided.v1", Duration.ofSeconds(30), read -> read.stream()
                    .anyMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains("\"REJECT\"")))) {
                JsonNode decided = JSON.readTree(record.value());
                if ("REJECT".equals(decided.get("decision").asText()) && filmId.equals(decided.get("filmId").asText())) {
                    adId = decided.get("reviewId").asText();
                }
            }
            assertThat(adId).as("the seed advertisement was rejected").isNotNull();
            String message = "This is not an advertisement, it is my honest opinion!";
            ApiClient.Reply appealed = api.post(review + "/reviews/" + adId + "/appeal", author, Map.of("message", message));
            assertThat(appealed.status()).as("appeal: %s", appealed.body()).isEqualTo(202);
            assertThat(appealed.body().get("status").asText()).isEqualTo("IN_REVIEW");
        }
        String ad = adId;
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                api.get(moderation + "/moderation/cases/" + ad, mia).body().path("open").asBoolean());
        return adId;
    }

    @Test
    @Order(2)
    void whatTheEngineLearnedFromTheModeratorSurvivesARestart() {
        String mia = api.token(review, "mia", "mia");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode engine = api.get(moderation + "/moderation/stats", mia).body().path("engine");
            return engine.path("lessonsPending").asLong() == 0 && engine.path("decisionsLearned").asLong() >= 5;
        });
        long learned = api.get(moderation + "/moderation/stats", mia).body().path("engine").path("decisionsLearned").asLong();

        restartModerationService();

        JsonNode engine = api.get(moderation + "/moderation/stats", mia).body().path("engine");
        assertThat(engine.path("decisionsLearned").asLong()).isEqualTo(learned);
        figures.put("engine decisions learned, before and after a restart", learned + " / " + engine.path("decisionsLearned").asLong());
    }
}
