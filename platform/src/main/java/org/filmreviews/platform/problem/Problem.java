package org.filmreviews.platform.problem;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem details document.
 *
 * @param type a URI naming the kind of problem; {@code about:blank} when the status says it all
 * @param errors one entry per rejected field, for validation problems
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "An RFC 9457 problem details document, sent as application/problem+json for every"
        + " error a client can cause (and for a server fault, without internals).",
        requiredProperties = {"type", "title", "status"},
        properties = {
                @SchemaProperty(name = "type", format = "uri", description = "The kind of problem:"
                        + " https://filmreviews.org/problems/ and a kind (validation, malformed-json, unauthorized, forbidden, not-found,"
                        + " conflict, version-mismatch, idempotency-key-reused, rate-limited, unavailable, ...), or about:blank when the"
                        + " status says it all", examples = "https://filmreviews.org/problems/not-found"),
                @SchemaProperty(name = "title", description = "A short summary of the kind of problem", examples = "Not Found"),
                @SchemaProperty(name = "status", description = "The HTTP status code", examples = "404"),
                @SchemaProperty(name = "detail", description = "What went wrong with this request, for people to read",
                        examples = "No review with id 0b8e4f5c-1a2b-4c3d-9e8f-7a6b5c4d3e2f"),
                @SchemaProperty(name = "instance", description = "The path of the request",
                        examples = "/reviews/0b8e4f5c-1a2b-4c3d-9e8f-7a6b5c4d3e2f"),
                @SchemaProperty(name = "errors",
                        description = "Validation problems only: one entry per rejected field, parameter or header")})
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://filmreviews.org/problems/";

    /** A rejected field: its JSON name and what is wrong with it. */
    @Schema(name = "FieldError", description = "A rejected field, query parameter or header and what is wrong with it",
            properties = {
                    @SchemaProperty(name = "field",
                            description = "The field's JSON path (trailers[0].url), or the parameter's or"
                                    + " header's name",
                            examples = "rating"),
                    @SchemaProperty(name = "message", description = "What is wrong with it",
                            examples = "must be between 1 and 10")})
    public record FieldError(String field, String message) {
    }
}
