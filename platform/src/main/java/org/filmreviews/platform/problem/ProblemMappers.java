package org.filmreviews.platform.problem;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.filmreviews.platform.domain.DomainException;
import org.filmreviews.platform.faults.Failures;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Every error a client can cause becomes an RFC 9457 {@code application/problem+json} response: bad
 * JSON, bad fields, missing or wrong credentials, unknown paths, wrong methods and media types. A
 * server fault is logged with an id and answered without internals.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Seconds a client should wait when the database is away: about how long a restart or failover takes. */
    private static final String RETRY_AFTER_UNAVAILABLE = "5";

    @Inject
    MeterRegistry registry;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder response = respond(new Problem(e.type(), e.title(), e.status(), e.getMessage(),
                path(uri), e.errors()));
        e.headers().forEach(response::header);
        return response.build();
    }

    /** The domain's refusals, thrown by services that know nothing of HTTP (see {@link DomainProblems}). */
    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        return problem(DomainProblems.toProblem(e), uri);
    }

    @ServerExceptionMapper
    public Response invalidFields(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + " " + f.message()).reduce((a, b) -> a + "; " + b).orElse("");
        return respond(new Problem(Problem.TYPE_BASE + "validation", "Invalid request", 400, detail, path(uri), errors))
                .build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? jsonPath(mapping) : null;
        String detail;
        if (e instanceof JsonParseException) {
            detail = "The request body is not valid JSON.";
        } else if (e instanceof UnrecognizedPropertyException unknown) {
            detail = "Unknown field '" + unknown.getPropertyName() + "'.";
        } else if (e instanceof InvalidFormatException invalid) {
            detail = "Field '" + field + "' cannot take the value " + quoted(invalid.getValue()) + ".";
        } else if (field != null && !field.isEmpty()) {
            detail = "Field '" + field + "' has the wrong type.";
        } else {
            detail = "The request body does not have the expected shape.";
        }
        List<Problem.FieldError> errors = field == null || field.isEmpty() ? List.of()
                : List.of(new Problem.FieldError(field, detail));
        return respond(
                new Problem(Problem.TYPE_BASE + "malformed-json", "Malformed request body", 400, detail, path(uri), errors))
                .build();
    }

    /** Quarkus maps this subtype itself (as plain JSON); ours must be the nearer match. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response badCredentials(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_BASE + "forbidden", "Forbidden", 403,
                "Your account does not have the role this operation needs.", path(uri), List.of())).build();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            return serverFault(e, uri);
        }
        Response.ResponseBuilder response = respond(new Problem("about:blank", reason(status), status,
                detailFor(status, e), path(uri), List.of()));
        for (String header : List.of(HttpHeaders.ALLOW, HttpHeaders.RETRY_AFTER, HttpHeaders.WWW_AUTHENTICATE)) {
            if (original.getHeaderString(header) != null) {
                response.header(header, original.getHeaderString(header));
            }
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response serverFault(Throwable e, UriInfo uri) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation
                    && "23505".equals(violation.getSQLState())) {
                // two requests raced for something unique (a user name, a review per film): the loser is told so
                return respond(new Problem(Problem.TYPE_BASE + "conflict", "Conflict", 409,
                        "This conflicts with something that was just created; reload and try again.", path(uri), List.of()))
                        .build();
            }
        }
        if (Failures.isDatabaseUnavailable(e)) {
            // The database is restarting, refusing connections or out of them: nothing was changed, come back.
            LOG.warnf("Database unavailable on %s: %s", path(uri), e.getMessage());
            return respond(new Problem(Problem.TYPE_BASE + "unavailable", "Service Unavailable", 503,
                    "The service cannot reach its database right now; nothing was changed. Try again shortly.", path(uri),
                    List.of()))
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_UNAVAILABLE).build();
        }
        if (Failures.isWriteConflict(e)) {
            return respond(new Problem(Problem.TYPE_BASE + "conflict", "Conflict", 409,
                    "Someone changed this at the same moment; nothing was changed by this request. Reload and try again.",
                    path(uri), List.of())).header(HttpHeaders.RETRY_AFTER, "1").build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unhandled error %s on %s", incident, path(uri));
        return respond(new Problem("about:blank", "Internal Server Error", 500,
                "Something went wrong on our side (incident " + incident + ").", path(uri), List.of())).build();
    }

    private Response unauthorized(UriInfo uri) {
        return respond(new Problem(Problem.TYPE_BASE + "unauthorized", "Unauthorized", 401,
                "Sign in: send a valid bearer token in the Authorization header.", path(uri), List.of()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    private Response.ResponseBuilder respond(Problem problem) {
        if (problem.status() < 500) {
            // "rejected inputs": what clients send that the service turns away, by status and kind
            registry.counter("filmreviews.http.rejected", "status", Integer.toString(problem.status()),
                    "type", problem.type().replace(Problem.TYPE_BASE, "")).increment();
        }
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    private static String detailFor(int status, WebApplicationException e) {
        return switch (status) {
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that method.";
            case 406 -> "This address cannot answer in the media type asked for.";
            case 415 -> "Send the request body as application/json.";
            default -> e.getMessage() == null ? reason(status) : e.getMessage();
        };
    }

    private static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "HTTP " + status : known.getReasonPhrase();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    /** The JSON name of a violated field: the last property node of the path, not the method parameter. */
    private static String fieldName(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false).toList();
        StringBuilder field = new StringBuilder();
        for (Path.Node node : nodes) {
            if (node.getKind() != ElementKind.PROPERTY && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                continue; // the method and parameter nodes: not part of the JSON document
            }
            // The index of a list element sits on the node that follows the list: trailers[0].url
            if (node.isInIterable() && field.length() > 0) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        if (field.length() == 0) {
            return "body";
        }
        return field.toString();
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String quoted(Object value) {
        return value instanceof String s ? "\"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\""
                : String.valueOf(value);
    }
}
