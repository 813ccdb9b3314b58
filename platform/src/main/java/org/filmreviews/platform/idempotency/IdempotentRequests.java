package org.filmreviews.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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
 * 422. Keys are per caller and kept for a day.
 * <p>
 * The key's record is written in the same transaction as the work, so it exists if and only if the
 * work committed: a failure anywhere (the database, a crash) leaves neither, and the retry does the
 * work. A retry that arrives while the first request still runs waits for it (the database holds it
 * on the key's row) and then replays its answer; after a few seconds of waiting it is told 409 with
 * {@code Retry-After}. Only successful answers are kept: an error changed nothing, and a retry may
 * well fare differently (a 429 once the window moved on, a 409 once the conflict is gone).
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");
    /** How long a retry waits for the first request with its key before it is told to come back. */
    private static final String KEY_WAIT = "5s";

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Inject
    IdempotencyConfig config;

    /**
     * Erasure: drops the stored bodies of the responses that name {@code id} (a withdrawn review's, say), so that
     * replaying their keys cannot bring its text back. A replay still answers with the first status and Location.
     *
     * @return how many stored responses were emptied
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forgetBodiesNaming(String id) {
        if (!config.enabled()) {
            return 0;
        }
        return entityManager.createQuery("update IdempotencyRecord set body = null, contentType = null"
                + " where body like :p or location like :p").setParameter("p", "%" + id + "%").executeUpdate();
    }

    /**
     * Runs {@code action} once per caller and key, in one transaction with the key's record.
     *
     * @param request what identifies the request besides the key: method, path and body
     */
    public Response respond(String key, String caller, String request, Supplier<Response> action) {
        if (key == null || !config.enabled()) {
            return action.get();
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw ProblemException.invalidField(HEADER, "must be 1 to 200 visible ASCII characters");
        }
        String who = caller == null ? "anonymous" : caller;
        String fingerprint = sha256(request);
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                IdempotencyRecord earlier = claim(who, key, fingerprint);
                if (earlier != null) {
                    return replay(earlier, fingerprint);
                }
                Response response = action.get();
                if (response.getStatus() < 400) {
                    keep(who, key, response);
                } else {
                    forget(who, key);
                }
                return response;
            });
        } catch (RuntimeException e) {
            if (stillRunning(e)) {
                throw new ProblemException(409, Problem.TYPE_BASE + "idempotency-key-in-use", "Request in progress",
                        "A request with this Idempotency-Key is still being processed; retry shortly.", null,
                        Map.of(HttpHeaders.RETRY_AFTER, "1"));
            }
            throw e;
        }
    }

    /**
     * Inserts the key, or returns what an earlier (committed) request with it left. While another
     * transaction holds the key uncommitted, the insert waits for it, at most {@link #KEY_WAIT}.
     */
    private IdempotencyRecord claim(String caller, String key, String fingerprint) {
        entityManager.createNativeQuery("SET LOCAL lock_timeout = '" + KEY_WAIT + "'").executeUpdate();
        int inserted = entityManager.createNativeQuery(
                "INSERT INTO idempotency_key (caller, idempotency_key, fingerprint, created_at) VALUES (:caller, :key, :fp, now())"
                        + " ON CONFLICT DO NOTHING")
                .setParameter("caller", caller).setParameter("key", key).setParameter("fp", fingerprint).executeUpdate();
        entityManager.createNativeQuery("SET LOCAL lock_timeout TO DEFAULT").executeUpdate();
        if (inserted == 1) {
            return null;
        }
        return entityManager.find(IdempotencyRecord.class, new IdempotencyRecord.Key(caller, key));
    }

    private Response replay(IdempotencyRecord earlier, String fingerprint) {
        if (!earlier.fingerprint.equals(fingerprint)) {
            throw new ProblemException(422, Problem.TYPE_BASE + "idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was used for a different request.", null, Map.of());
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

    private void keep(String caller, String key, Response response) {
        IdempotencyRecord record = entityManager.find(IdempotencyRecord.class, new IdempotencyRecord.Key(caller, key));
        record.status = response.getStatus();
        record.contentType = contentType(response);
        record.body = body(response.getEntity());
        record.location = response.getHeaderString(HttpHeaders.LOCATION);
    }

    private void forget(String caller, String key) {
        entityManager.createQuery("delete from IdempotencyRecord where caller = :caller and key = :key")
                .setParameter("caller", caller).setParameter("key", key).executeUpdate();
    }

    /** The wait for the first request with the key ran out (PostgreSQL's lock_not_available). */
    private static boolean stillRunning(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && "55P03".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            // A run that starts while the application stops would only fail on a closed EntityManagerFactory.
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void prune() {
        if (!config.enabled()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> entityManager.createQuery(
                "delete from IdempotencyRecord where createdAt < :before")
                .setParameter("before", Instant.now().minus(config.retention())).executeUpdate());
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
