package org.filmreviews.moderation.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.Map;
import java.util.UUID;

import org.filmreviews.devinfra.test.EventTestClient;
import org.filmreviews.devinfra.test.RealInfraTestResource;
import org.filmreviews.devinfra.test.TestTokens;
import org.filmreviews.events.ReportReason;
import org.filmreviews.events.ReviewSubmitted;
import org.filmreviews.moderation.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The console's pages and session over plain HTTP (the browser test in system-tests drives them in
 * Chromium with a real sign-in): escaping, the cookie session and its guard against other pages.
 */
@QuarkusTest
class ConsoleTest {

    private static final String COOKIE = "moderation-console";
    private static final String HOSTILE = "<script>alert('x')</script> Lovely film <img src=x onerror=alert(1)> see www.evil-site.example";

    private EventTestClient kafka;
    private final UUID film = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        kafka = new EventTestClient(RealInfraTestResource.bootstrapServers());
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    @Test
    void signedOutVisitorsSeeTheSignInForm() {
        given().get("/console").then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString("action=\"/console/sign-in\""))
                .header("Content-Security-Policy", containsString("script-src 'self'"));
        given().get("/console-assets/console.js").then().statusCode(200);
    }

    @Test
    void aReviewerIsNotLetIn() {
        given().cookie(COOKIE, TestTokens.token("alice", "reviewer")).get("/console")
                .then().statusCode(403).body(containsString("for moderators"));
    }

    @Test
    void anExpiredOrForgedSessionAsksToSignInAgain() {
        given().cookie(COOKIE, "forged.token.value").get("/console")
                .then().statusCode(401).body(containsString("sign in again"));
    }

    @Test
    void reviewTextIsShownAsTextNeverAsMarkup() {
        ReviewSubmitted hostile = Fixtures.submit(kafka, Fixtures.submission(film, "hostile", HOSTILE));
        String session = TestTokens.token("mia", "moderator");

        String queue = given().cookie(COOKIE, session).get("/console?filmId=" + film)
                .then().statusCode(200).contentType(ContentType.HTML).extract().asString();
        assertThat(queue).contains(hostile.reviewId().toString())
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .doesNotContain("<script>alert").doesNotContain("<img src=x");

        String page = given().cookie(COOKIE, session).get("/console/cases/{id}", hostile.reviewId())
                .then().statusCode(200).contentType(ContentType.HTML)
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("X-Frame-Options", equalTo("DENY"))
                .extract().asString();
        assertThat(page).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img src=x")
                .doesNotContain("<script>alert");

        given().cookie(COOKIE, session).get("/console/queue-rows?filmId=" + film)
                .then().statusCode(200).header("X-Queue-Size", not(equalTo("0")))
                .body(containsString("&lt;script&gt;"), not(containsString("<script>alert")));
    }

    @Test
    void readersReportsShowInTheQueueAndOnTheCasePage() {
        ReviewSubmitted review = Fixtures.submit(kafka, Fixtures.submission(film, "reportee",
                "A quiet film about a ferry crossing and the people who work on it."));
        for (String reader : java.util.List.of("kit", "lou", "max")) {
            Fixtures.report(kafka, review, 1, reader, ReportReason.SPAM,
                    reader.equals("lou") ? "<i>Selling</i> ferry tickets" : null);
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> Fixtures.awaitCase(review.reviewId()).getBoolean("reported"));
        String session = TestTokens.token("mia", "moderator");

        String queue = given().cookie(COOKIE, session).get("/console?reported=true&filmId=" + film)
                .then().statusCode(200).extract().asString();
        assertThat(queue).contains(review.reviewId().toString()).contains("<span class=\"badge reported\">Reported</span>")
                .contains("<option value=\"true\" selected>Reported by readers</option>");

        String page = given().cookie(COOKIE, session).get("/console/cases/{id}", review.reviewId())
                .then().statusCode(200).extract().asString();
        assertThat(page).contains("Readers' reports").contains("Waiting for a moderator: 3 as spam")
                .contains("<td>kit</td>").contains("<td>lou</td>").contains("<td>max</td>")
                .contains("&lt;i&gt;Selling&lt;/i&gt; ferry tickets").doesNotContain("<i>Selling</i>");
    }

    @Test
    void theCookieSessionChangesThingsOnlyFromTheConsole() {
        ReviewSubmitted held = Fixtures.submit(kafka, Fixtures.submission(film, "guarded", Fixtures.HELD_LINK));
        String session = TestTokens.token("mia", "moderator");

        // what a page on another origin could make the browser send: the cookie, without the console's header
        given().cookie(COOKIE, session).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .post("/moderation/cases/{id}/decision", held.reviewId())
                .then().statusCode(403).contentType("application/problem+json");
        assertThat(Fixtures.awaitCase(held.reviewId()).getBoolean("open")).isTrue();

        given().cookie(COOKIE, session).header("X-Requested-By", "moderation-console").contentType(ContentType.JSON)
                .body(Map.of("decision", "APPROVE")).post("/moderation/cases/{id}/decision", held.reviewId())
                .then().statusCode(200).body("decidedBy", equalTo("mia"));
    }

    @Test
    void theQueueShowsWhereTheEngineDecidesAndWhy() {
        String token = TestTokens.bearer("tess", "moderator");
        var thresholds = given().header("Authorization", token).get("/moderation/stats").then().statusCode(200)
                .extract().jsonPath();
        long reject = Math.round(thresholds.getDouble("engine.thresholds.rejectSpam.value") * 100);
        long hold = Math.round(thresholds.getDouble("engine.thresholds.holdSpam.value") * 100);
        String holdReason = thresholds.getString("engine.thresholds.holdSpam.reason");

        String page = given().cookie(COOKIE, TestTokens.token("tess", "moderator")).get("/console").then().statusCode(200)
                .extract().asString();

        assertThat(page).contains("id=\"threshold-reject-spam\">" + reject + "%</strong>")
                .contains("id=\"threshold-hold-spam\">" + hold + "%</strong>")
                .contains("id=\"threshold-spoiler\">");
        // The rule's own words, escaped like all text on the page.
        assertThat(page).contains(holdReason.replace("'", "&#39;"));
    }

    @Test
    void nextLeadsToTheOldestCaseOrBackToAClearQueue() {
        String session = TestTokens.token("next-mod", "moderator");
        String location = given().cookie(COOKIE, session).redirects().follow(false).get("/console/next")
                .then().statusCode(303).extract().header("Location");
        assertThat(location).matches(".*/console(/cases/[0-9a-f-]+|\\?cleared=true)$");
        given().cookie(COOKIE, session).get("/console?cleared=true").then().statusCode(200)
                .body(containsString("queue is clear"));
    }

    @Test
    void signingInWhenTheAccountServiceIsAwayIsExplained() {
        // this test instance has no review-service (see %test.filmreviews.review-service.url)
        given().contentType(ContentType.URLENC).formParam("username", "mia").formParam("password", "mia")
                .post("/console/sign-in").then().statusCode(503).body(containsString("does not answer"));
        given().contentType(ContentType.URLENC).formParam("username", "").formParam("password", "")
                .post("/console/sign-in").then().statusCode(400).body(containsString("Enter your user name"));
    }

    @Test
    void unknownCasesHaveAPage() {
        String session = TestTokens.token("mia", "moderator");
        given().cookie(COOKIE, session).get("/console/cases/{id}", UUID.randomUUID()).then().statusCode(404)
                .body(containsString("no moderation case"));
        given().cookie(COOKIE, session).get("/console/cases/<b>bold<b>").then().statusCode(404)
                .body(containsString("&lt;b&gt;bold&lt;b&gt;"));
    }
}
