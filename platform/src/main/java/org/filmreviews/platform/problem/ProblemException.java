package org.filmreviews.platform.problem;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

/**
 * Thrown by resources and services for anything a client did wrong or asked for in vain; becomes a
 * problem+json response with this status.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Map<String, String> headers;

    public ProblemException(int status, String type, String title, String detail, List<Problem.FieldError> errors,
            Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static ProblemException notFound(String detail) {
        return of(Response.Status.NOT_FOUND, "not-found", detail);
    }

    public static ProblemException conflict(String detail) {
        return of(Response.Status.CONFLICT, "conflict", detail);
    }

    public static ProblemException forbidden(String detail) {
        return of(Response.Status.FORBIDDEN, "forbidden", detail);
    }

    public static ProblemException badRequest(String detail) {
        return of(Response.Status.BAD_REQUEST, "bad-request", detail);
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(400, Problem.TYPE_BASE + "validation", "Invalid request",
                field + ": " + message, List.of(new Problem.FieldError(field, message)), Map.of());
    }

    public static ProblemException of(Response.Status status, String slug, String detail) {
        return new ProblemException(status.getStatusCode(), Problem.TYPE_BASE + slug, status.getReasonPhrase(), detail,
                List.of(), Map.of());
    }

    /** A copy that also sends these response headers (for example {@code Location} or {@code Retry-After}). */
    public ProblemException withHeaders(Map<String, String> extra) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.putAll(extra);
        return new ProblemException(status, type, title, getMessage(), errors, all);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
