package org.filmreviews.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.filmreviews.devinfra.launch.ApiClient;
import org.filmreviews.devinfra.launch.LocalSystem;
import org.filmreviews.devinfra.launch.SystemOptions;
import org.filmreviews.devinfra.launch.ServiceEnvironment;
import org.filmreviews.devinfra.launch.ServiceProcess;
import org.filmreviews.devinfra.keys.JwtKeys;
import org.filmreviews.systemtests.pages.Browser;
import org.filmreviews.systemtests.pages.CaseFilePage;
import org.filmreviews.systemtests.pages.ConsoleQueuePage;
import org.filmreviews.systemtests.pages.ConsoleSignInPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A moderator clears a queue of held and appealed reviews in the console, in headless Chromium, against
 * the three packaged services on a real broker and PostgreSQL; then the film page shows the result.
 * Screenshots go to {@code target/screenshots/}, the figures of the run to {@code target/screenshots/figures.txt}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModeratorConsoleIT {

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
        Files.createDirectories(Browser.SCREENSHOTS);
    }

    @AfterAll
    static void stop() throws IOException {
        if (system != null) {
            system.close();
        }
        StringBuilder text = new StringBuilder();
        figures.forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
        Files.createDirectories(Browser.SCREENSHOTS);
        Files.writeString(Browser.SCREENSHOTS.resolve("figures.txt"), text.toString());
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

    private static void assertNoAlert(Browser browser) {
        assertThat(browser.openAlert()).as("a script from review text ran and opened an alert").isEmpty();
    }

    @Test
    @Order(1)
    void aModeratorClearsTheQueueInTheBrowserAndTheFilmPageShowsTheResult() throws Exception {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> pageReviews().size() == 8);
        QueuedReviews queued = new QueuedReviews(system, api, filmId);
        String linkId = queued.post(LINK);
        String hostileId = queued.post(HOSTILE);
        String spoilerId = queued.post(SPOILER);
        String adId = queued.appealTheSeedAdvertisement();
        List<JsonNode> before = pageReviews();
        assertThat(before).hasSize(8);

        try (Browser browser = Browser.chromium(1400, 1000)) {
            ConsoleSignInPage signIn = ConsoleSignInPage.open(browser, moderation).awaitForm();
            browser.screenshot("01-sign-in");
            signIn.typeUserName("mia").typePassword("wrong").submit();
            assertThat(signIn.awaitError()).contains("Wrong user name or password");
            signIn.typePassword("mia"); // the form came back with the user name filled in
            Instant signedIn = Instant.now();
            ConsoleQueuePage queue = signIn.submit().awaitSignedInAs("mia").awaitCases(4);
            assertThat(queue.size()).isEqualTo("4");
            assertThat(queue.rowsText()).contains("<script>alert('xss')</script>");
            assertThat(queue.appealRows()).isEqualTo(1);
            assertNoAlert(browser);
            browser.screenshot("02-queue");

            // a case arriving while the moderator looks at the queue shows up without a reload
            String lateId = queued.post(LATE);
            queue.awaitCaseOf(lateId).awaitSize("5");
            assertThat(queue.liveMessage()).contains("new case");
            browser.screenshot("03-queue-live-update");

            queue.startWithTheOldestCaseByEnter();
            List<String> decided = new ArrayList<>();
            List<String> how = new ArrayList<>();
            int screenshots = 4;
            while (decided.size() < 10) {
                Optional<CaseFilePage> next = CaseFilePage.nextOrClearedQueue(browser);
                if (next.isEmpty()) {
                    break;
                }
                CaseFilePage caseFile = next.get();
                String id = caseFile.awaitReviewId();
                String body = caseFile.awaitClaimedByYou().reviewText();
                assertNoAlert(browser);
                if (id.equals(linkId)) {
                    browser.screenshot(String.format("%02d-case-held-link", screenshots++));
                    caseFile.approveByClick();
                    how.add("approve by click");
                } else if (id.equals(hostileId)) {
                    assertThat(body).contains("<script>alert('xss')</script>").contains("<img src=x onerror=alert(1)>");
                    browser.screenshot(String.format("%02d-case-hostile-text-escaped", screenshots++));
                    assertThat(caseFile.chooseReasonByKey(1).reason()).isEqualTo("spam");
                    caseFile.rejectByKey();
                    how.add("reject by keys 1, R");
                } else if (id.equals(spoilerId)) {
                    List<String> highlighted = caseFile.spoilerHighlights();
                    assertThat(highlighted).isNotEmpty();
                    assertThat(highlighted.get(0)).contains("dies");
                    browser.screenshot(String.format("%02d-case-spoiler-highlighted", screenshots++));
                    caseFile.approveAsSpoilerByKey();
                    how.add("approve as spoiler by key S");
                } else if (id.equals(adId)) {
                    assertThat(caseFile.appealText()).contains("not an advertisement");
                    assertThat(caseFile.status()).contains("Appeal");
                    browser.screenshot(String.format("%02d-case-appeal", screenshots++));
                    caseFile.chooseReason("spam").writeNote("Still an advertisement for a streaming service.").rejectByClick();
                    how.add("reject appeal by click, reason and note");
                } else if (id.equals(lateId)) {
                    caseFile.approveByKey();
                    how.add("approve by key A");
                } else {
                    throw new AssertionError("An unexpected case in the queue: " + id + " " + body);
                }
                decided.add(id);
                caseFile.awaitNextScreen();
            }
            Duration clearing = Duration.between(signedIn, Instant.now());
            assertThat(queue.awaitNotice()).contains("queue is clear");
            assertThat(queue.size()).isEqualTo("0");
            browser.screenshot(String.format("%02d-queue-cleared", screenshots++));
            assertThat(decided).containsExactlyInAnyOrder(linkId, hostileId, spoilerId, adId, lateId);

            CaseFilePage spoilerCase = CaseFilePage.open(browser, moderation, spoilerId);
            assertThat(spoilerCase.awaitAuditTrail()).contains("MACHINE_DECISION").contains("CLAIM").contains("DECISION")
                    .contains("mia");
            spoilerCase.scrollToAuditTrail();
            browser.screenshot(String.format("%02d-case-audit-trail", screenshots));

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
            assertThat(byId).containsKeys(linkId, spoilerId, lateId).doesNotContainKeys(hostileId, adId);
            assertThat(byId.get(linkId).get("spoiler").asBoolean()).isFalse();
            JsonNode spoiler = byId.get(spoilerId);
            assertThat(spoiler.get("spoiler").asBoolean()).isTrue();
            assertThat(spoiler.get("spoilerSentences").size()).isGreaterThan(0);
            assertThat(page().toString()).doesNotContain("Free Trial").doesNotContain("onerror");
            figures.put("film page shows the decisions", "11 reviews (8 seed + 3 approved), checked " + pageAt);

            // policy violation found later: off the page and back, from the console, through the same event
            CaseFilePage linkCase = CaseFilePage.open(browser, moderation, linkId).awaitTakeDown();
            assertThat(linkCase.chooseReasonByKey(2).reason()).isEqualTo("off-topic");
            linkCase.takeDownByKey();
            assertThat(linkCase.awaitRestore().status()).contains("REJECT").contains("taken down");
            browser.screenshot("10-case-taken-down");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                    .until(() -> pageReviews().stream().noneMatch(item -> item.get("id").asText().equals(linkId)));
            linkCase.restoreByKey();
            linkCase.awaitTakeDown();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                    .until(() -> pageReviews().stream().anyMatch(item -> item.get("id").asText().equals(linkId)));
            figures.put("take-down and restore reached the film page", "yes");
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
        figures.put("engine decisions learned, before and after a restart",
                learned + " / " + engine.path("decisionsLearned").asLong());
    }
}
