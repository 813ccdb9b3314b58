package org.filmreviews.moderation.console;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.filmreviews.platform.security.Roles;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Signs a moderator in to the console: review-service owns the accounts, so the user name and password
 * go to its {@code POST /auth/token} from this server (never from the browser, so no CORS and no token
 * in page script). The token is verified here like any other before the console accepts it.
 */
@ApplicationScoped
public class ConsoleSignIn {

    private static final Logger LOG = Logger.getLogger(ConsoleSignIn.class);

    @Inject
    ReviewServiceConfig reviewService;

    @Inject
    JWTParser parser;

    @Inject
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public sealed interface Outcome permits Granted, Refused, NotStaff, Throttled, Unavailable {
    }

    /** Too many attempts: from this address (counted here) or on this account (review-service's lockout). */
    public record Throttled(String retryAfterSeconds) implements Outcome {
    }

    /** A moderator's or admin's token, and how long it is valid. */
    public record Granted(String token, String username, long expiresInSeconds) implements Outcome {
    }

    /** Wrong user name or password. */
    public record Refused() implements Outcome {
    }

    /** A real account without the moderator or admin role. */
    public record NotStaff(String username) implements Outcome {
    }

    /** review-service could not be asked, or answered what no token is. */
    public record Unavailable() implements Outcome {
    }

    public Outcome signIn(String username, String password) {
        HttpResponse<String> response;
        try {
            String body = json.writeValueAsString(Map.of("username", username, "password", password));
            response = http.send(HttpRequest.newBuilder(URI.create(reviewService.url() + "/auth/token"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            LOG.warnf("Console sign-in: review-service at %s cannot be reached (%s)", reviewService.url(), e.getMessage());
            return new Unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Unavailable();
        }
        if (response.statusCode() == 400 || response.statusCode() == 401) {
            return new Refused();
        }
        if (response.statusCode() == 429) {
            return new Throttled(response.headers().firstValue("Retry-After").orElse("60"));
        }
        if (response.statusCode() != 200) {
            LOG.warnf("Console sign-in: review-service answered HTTP %d", response.statusCode());
            return new Unavailable();
        }
        try {
            JsonNode answer = json.readTree(response.body());
            String token = answer.path("access_token").asText("");
            JsonWebToken verified = parser.parse(token);
            if (!verified.getGroups().contains(Roles.MODERATOR) && !verified.getGroups().contains(Roles.ADMIN)) {
                return new NotStaff(verified.getName());
            }
            long expiresIn = answer.path("expires_in").asLong(0);
            if (expiresIn <= 0) {
                expiresIn = Math.max(60, verified.getExpirationTime() - System.currentTimeMillis() / 1000);
            }
            return new Granted(token, verified.getName(), expiresIn);
        } catch (IOException | ParseException e) {
            LOG.warnf("Console sign-in: the token from review-service does not verify here (%s)", e.getMessage());
            return new Unavailable();
        }
    }
}
