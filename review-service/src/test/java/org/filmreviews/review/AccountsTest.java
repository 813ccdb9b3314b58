package org.filmreviews.review;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class AccountsTest {

    @Test
    void signUpThenSignInWithTheNewAccount() {
        String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "displayName", "A New Reviewer", "password", "correct horse"))
                .when().post("/accounts")
                .then().statusCode(201)
                .header("Location", containsString("/accounts/"))
                .body("username", equalTo(username))
                .body("roles", containsInAnyOrder("reviewer"))
                .body("$", not(org.hamcrest.Matchers.hasKey("password")))
                .body("$", not(org.hamcrest.Matchers.hasKey("passwordHash")))
                .extract().path("id");

        given().contentType(ContentType.JSON).body(Map.of("username", username.toUpperCase(), "password", "correct horse"))
                .when().post("/auth/token")
                .then().statusCode(200)
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", greaterThan(0))
                .body("access_token", containsString("."));

        String token = Fixtures.token(username, "correct horse");
        given().header("Authorization", "Bearer " + token).when().get("/accounts/{id}", id)
                .then().statusCode(200).body("displayName", equalTo("A New Reviewer"));
        given().header("Authorization", Fixtures.bearer("bob")).when().get("/accounts/{id}", id)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void userNamesAreUniqueWhateverTheirCase() {
        given().contentType(ContentType.JSON)
                .body(Map.of("username", "ALICE", "displayName", "Another Alice", "password", "long enough"))
                .when().post("/accounts")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void signUpRulesNameTheField() {
        given().contentType(ContentType.JSON)
                .body(Map.of("username", "no spaces allowed", "displayName", "X", "password", "long enough"))
                .when().post("/accounts")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("username"));
        given().contentType(ContentType.JSON)
                .body(Map.of("username", "shortpass", "displayName", "X", "password", "short"))
                .when().post("/accounts")
                .then().statusCode(400).body("errors.field", hasItem("password"));
        given().contentType(ContentType.JSON)
                .body(Map.of("username", "longname", "displayName", "x".repeat(65), "password", "long enough"))
                .when().post("/accounts")
                .then().statusCode(400).body("errors.field", hasItem("displayName"));
    }

    @Test
    void wrongCredentialsAreUnauthorized() {
        given().contentType(ContentType.JSON).body(Map.of("username", "alice", "password", "not alice"))
                .when().post("/auth/token")
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        given().contentType(ContentType.JSON).body(Map.of("username", "nobody-at-all", "password", "whatever"))
                .when().post("/auth/token")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void demoAccountsHaveTheirRoles() {
        for (String[] demo : new String[][]{{"alice", "reviewer"}, {"bob", "reviewer"}, {"mia", "moderator"},
                {"admin", "admin"}}) {
            String token = Fixtures.token(demo[0], demo[0]);
            String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
            org.assertj.core.api.Assertions.assertThat(payload).contains("\"groups\":[\"" + demo[1] + "\"]")
                    .contains("\"upn\":\"" + demo[0] + "\"");
        }
    }
}
