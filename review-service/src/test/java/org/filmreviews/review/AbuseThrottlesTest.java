package org.filmreviews.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;
import java.util.UUID;

import org.filmreviews.events.Decision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The throttles where attackers go, with small limits and 3-second windows: each triggers with a 429
 * problem that says when to come back, changes nothing, and lets the client in again once its window ends.
 */
@QuarkusTest
@TestProfile(AbuseThrottlesTest.SmallLimits.class)
class AbuseThrottlesTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "filmreviews.throttle.sign-in-per-address.max", "8",
                    "filmreviews.throttle.sign-in-per-address.window", "3s",
                    "filmreviews.throttle.sign-in-failures-per-account.max", "3",
                    "filmreviews.throttle.sign-in-failures-per-account.window", "3s",
                    "filmreviews.throttle.sign-up-per-address.max", "3",
                    "filmreviews.throttle.sign-up-per-address.window", "3s",
                    "filmreviews.throttle.votes-per-account.max", "3",
                    "filmreviews.throttle.votes-per-account.window", "3s");
        }
    }

    /** Every window of the previous test has ended. */
    @BeforeEach
    void freshWindows() throws InterruptedException {
        Thread.sleep(3_100);
    }

    private static ValidatableResponse signIn(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .when().post("/auth/token").then();
    }

    private static ValidatableResponse signUp(String username) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "displayName", "Puppet", "password", "long enough"))
                .when().post("/accounts").then();
    }

    private static void assertThrottled(ValidatableResponse response) {
        response.statusCode(429).contentType("application/problem+json").body("status", equalTo(429))
                .header("Retry-After", notNullValue());
        int retryAfter = Integer.parseInt(response.extract().header("Retry-After"));
        assertThat(retryAfter).isBetween(1, 4);
    }

    @Test
    void oneAddressGetsEightSignInAttemptsAWindowWhateverTheAccounts() throws InterruptedException {
        for (int i = 0; i < 8; i++) {
            signIn(i % 2 == 0 ? "alice" : "no-such-" + i, i % 2 == 0 ? "alice" : "guess").statusCode(i % 2 == 0 ? 200 : 401);
        }
        assertThrottled(signIn("bob", "bob"));
        Thread.sleep(3_100);
        signIn("bob", "bob").statusCode(200);
    }

    @Test
    void threeWrongPasswordsLockTheAccountEvenForTheRightOneUntilTheWindowEnds() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            signIn("bob", "wrong " + i).statusCode(401);
        }
        assertThrottled(signIn("bob", "bob"));
        assertThrottled(signIn("BOB", "bob")); // the same account in other letters
        signIn("alice", "alice").statusCode(200); // other accounts are not locked
        Thread.sleep(3_100);
        signIn("bob", "bob").statusCode(200);
    }

    @Test
    void oneAddressCreatesThreeAccountsAWindowAndTheFourthIsNotCreated() throws InterruptedException {
        String prefix = "p" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 3; i++) {
            signUp(prefix + i).statusCode(201);
        }
        long accounts = QuarkusTransaction.requiringNew().call(() -> ((Number) io.quarkus.arc.Arc.container()
                .instance(jakarta.persistence.EntityManager.class).get().createNativeQuery("SELECT count(*) FROM account")
                .getSingleResult()).longValue());
        assertThrottled(signUp(prefix + "x"));
        long after = QuarkusTransaction.requiringNew().call(() -> ((Number) io.quarkus.arc.Arc.container()
                .instance(jakarta.persistence.EntityManager.class).get().createNativeQuery("SELECT count(*) FROM account")
                .getSingleResult()).longValue());
        assertThat(after).isEqualTo(accounts);
        Thread.sleep(3_100);
        signUp(prefix + "x").statusCode(201);
    }

    @Test
    void anAccountChangesThreeVotesAWindowAndTheFourthChangesNothing() throws InterruptedException {
        UUID film = Fixtures.filmKnownToTheReplica();
        String author = Fixtures.newReviewer();
        String id = Fixtures.submit(author, film, Map.of("body", "Vote on me, but not all day."));
        Fixtures.decide(film, id, 1, Decision.PUBLISH, null);
        Fixtures.awaitStatus(author, id, "PUBLISHED");
        Thread.sleep(3_100); // the sign-ups and sign-ins above have their own windows; start the votes in a fresh one
        String alice = Fixtures.bearer("alice");
        vote(alice, id, true).statusCode(200);
        vote(alice, id, false).statusCode(200);
        vote(alice, id, true).statusCode(200);
        vote(alice, id, true).statusCode(200).body("helpful", equalTo(1)); // the same vote again is no change: not counted
        assertThrottled(vote(alice, id, false));
        assertThrottled(given().header("Authorization", alice).when().delete("/reviews/{id}/vote", id).then());
        given().get("/reviews/{id}", id).then().body("votes.helpful", equalTo(1)).body("votes.notHelpful", equalTo(0));
        Thread.sleep(3_100);
        vote(alice, id, false).statusCode(200).body("notHelpful", equalTo(1));
    }

    private static ValidatableResponse vote(String voter, String id, boolean helpful) {
        return given().header("Authorization", voter).contentType(ContentType.JSON).body(Map.of("helpful", helpful))
                .when().put("/reviews/{id}/vote", id).then();
    }
}
