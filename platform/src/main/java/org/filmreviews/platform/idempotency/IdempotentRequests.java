package org.filmreviews.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.filmreviews.platform.problem.Problem;
import org.filmreviews.platform.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * {@code Idempotency-Key} for POST and PUT: the first request with a key does the work and its
 * response is kept; a retry with the same key and the same request gets that response again (with
 * {@code Idempotent-Replayed: true}) and changes nothing. The same key with a different request is
 * 422; a retry while the first is still running is 409. Keys are per caller and kept for a day.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");
    /** A first request that has not answered after this long is taken to have died. */
    private static final Duration ABANDONED = Duration.ofMinutes(1);

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "filmreviews.idempotency.retention", defaultValue = "24h")
    Duration retention;

    /** On in the services whose schema has the idempotency_key table. */
    @ConfigProperty(name = "filmreviews.idempotency.enabled", defaultValue = "false")
    boolean enabled;

    /**
     * Runs {@code action} once per caller and key.
     *
     * @param request what identifies the request besides the key: method, path and body
     */
    public Response respond(String key, String caller, String request, Supplier<Response> action) {
        if (key == null || !enabled) {
            return action.get();
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw ProblemException.invalidField(HEADER, "must be 1 to 200 visible ASCII characters");
        }
        String who = caller == null ? "anonymous" : caller;
        String fingerprint = sha256(request);
        IdempotencyRecord earlier = QuarkusTransaction.requiringNew().call(() -> claim(who, key, fingerprint));
        if (earlier != null) {
            return replay(earlier, fingerprint);
        }
        try {
            Response response = action.get();
            complete(who, key, response.getStatus(), contentType(response), body(response.getEntity()),
                    response.getHeaderString(HttpHeaders.LOCATION));
            return response;
        } catch (ProblemException problem) {
            // The client's mistake is the answer to this key too: a retry will not fare differently.
            complete(who, key, problem.status(), Problem.MEDIA_TYPE, body(new Problem(problem.type(), problem.title(),
                    problem.status(), problem.getMessage(), null, problem.errors())), problem.headers().get(HttpHeaders.LOCATION));
            throw problem;
        } catch (RuntimeException fault) {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createQuery(
                    "delete from IdempotencyRecord where caller = :caller and key = :key")
                    .setParameter("caller", who).setParameter("key", key).executeUpdate());
            throw fault;
        }
    }

    /** Inserts the key, or returns what an earlier request with it left. */
    private IdempotencyRecord claim(String caller, String key, String fingerprint) {
        int inserted = entityManager.createNativeQuery(
                "INSERT INTO idempotency_key (caller, idempotency_key, fingerprint, created_at) VALUES (:caller, :key, :fp, now())"
                        + " ON CONFLICT DO NOTHING")
                .setParameter("caller", caller).setParameter("key", key).setParameter("fp", fingerprint).executeUpdate();
        if (inserted == 1) {
            return null;
        }
        IdempotencyRecord earlier = entityManager.find(IdempotencyRecord.class, new IdempotencyRecord.Key(caller, key),
                jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (earlier.status == null && earlier.createdAt.isBefore(Instant.now().minus(ABANDONED))
                && earlier.fingerprint.equals(fingerprint)) {
            earlier.createdAt = Instant.now();
            return null; // the first attempt died before answering: this one does the work
        }
        return earlier;
    }

    private Response replay(IdempotencyRecord earlier, String fingerprint) {
        if (!earlier.fingerprint.equals(fingerprint)) {
            throw new ProblemException(422, Problem.TYPE_BASE + "idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was used for a different request.", null, Map.of());
        }
        if (earlier.status == null) {
            throw new ProblemException(409, Problem.TYPE_BASE + "idempotency-key-in-use", "Request in progress",
                    "A request with this Idempotency-Key is still being processed; retry shortly.", null,
                    Map.of(HttpHeaders.RETRY_AFTER, "1"));
        }
        Response.ResponseBuilder response = Response.status(earlier.status).header("Idempotent-Replayed", "true");
        if (earlier.body != null) {
            response.entity(earlier.body).type(earlier.contentType);
        }
        if (earlier.location != null) {
            response.header(HttpHeaders.LOCATION, earlier.location);
        }
        return response.build();
    }

    private void complete(String caller, String key, int status, String contentType, String body, String location) {
        QuarkusTransaction.requiringNew().run(() -> {
            IdempotencyRecord record = entityManager.find(IdempotencyRecord.class, new IdempotencyRecord.Key(caller, key));
            record.status = status;
            record.contentType = contentType;
            record.body = body;
            record.location = location;
        });
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            // A run that starts while the application stops would only fail on a closed EntityManagerFactory.
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void prune() {
        if (!enabled) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> entityManager.createQuery(
                "delete from IdempotencyRecord where createdAt < :before")
                .setParameter("before", Instant.now().minus(retention)).executeUpdate());
    }

    private String body(Object entity) {
        if (entity == null) {
            return null;
        }
        try {
            return entity instanceof String text ? text : json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot keep the response for an Idempotency-Key", e);
        }
    }

    private static String contentType(Response response) {
        MediaType type = response.getMediaType();
        return type == null ? MediaType.APPLICATION_JSON : type.toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
