package org.filmreviews.platform.problem;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.filmreviews.platform.domain.Conflict;
import org.filmreviews.platform.domain.DomainException;
import org.filmreviews.platform.domain.InvalidInput;
import org.filmreviews.platform.domain.NotAllowed;
import org.filmreviews.platform.domain.NotFound;
import org.filmreviews.platform.domain.Overloaded;
import org.filmreviews.platform.domain.RateLimited;
import org.filmreviews.platform.domain.Retired;
import org.filmreviews.platform.domain.StaleVersion;

/**
 * The one place where the domain's refusals become HTTP: each kind of {@link DomainException} has its status, and
 * what it carries (the existing resource, the current version, when to retry) becomes the matching header.
 */
public final class DomainProblems {

    private DomainProblems() {
    }

    public static ProblemException toProblem(DomainException e) {
        String type = Problem.TYPE_BASE + e.kind();
        if (e instanceof NotFound) {
            return new ProblemException(404, type, "Not Found", e.detail(), List.of(), Map.of());
        }
        if (e instanceof Retired) {
            return new ProblemException(410, type, "Gone", e.detail(), List.of(), Map.of());
        }
        if (e instanceof Conflict conflict) {
            Map<String, String> headers = conflict.existing().map(path -> Map.of("Location", path)).orElse(Map.of());
            return new ProblemException(409, type, "Conflict", e.detail(), List.of(), headers);
        }
        if (e instanceof NotAllowed) {
            return new ProblemException(403, type, "Forbidden", e.detail(), List.of(), Map.of());
        }
        if (e instanceof InvalidInput invalid) {
            if (invalid.field().isPresent()) {
                return new ProblemException(400, type, "Invalid request", e.detail(),
                        List.of(new Problem.FieldError(invalid.field().get(), invalid.rule().orElse(""))), Map.of());
            }
            return new ProblemException(400, type, "Bad Request", e.detail(), List.of(), Map.of());
        }
        if (e instanceof StaleVersion stale) {
            Map<String, String> headers = stale.current().isPresent()
                    ? Map.of("ETag", "\"" + stale.current().getAsLong() + "\"")
                    : Map.of();
            return new ProblemException(412, type, "Precondition Failed", e.detail(), List.of(), headers);
        }
        if (e instanceof RateLimited limited) {
            return new ProblemException(429, type, "Too Many Requests", e.detail(), List.of(),
                    Map.of("Retry-After", seconds(limited.retryAfter())));
        }
        if (e instanceof Overloaded overloaded) {
            return new ProblemException(503, type, "Service Unavailable", e.detail(), List.of(),
                    Map.of("Retry-After", seconds(overloaded.retryAfter())));
        }
        throw new IllegalStateException("No HTTP mapping for " + e.getClass().getName());
    }

    /** Whole seconds, rounded up and at least one, as {@code Retry-After} takes them. */
    static String seconds(Duration wait) {
        long millis = Math.max(1, wait.toMillis());
        return Long.toString((millis + 999) / 1000);
    }
}
