/**
 * RFC 9457 problem details: the {@link org.filmreviews.platform.problem.Problem} document, the exception that
 * becomes one, and the mappers. The annotation below describes, once for the three services, the error responses
 * their OpenAPI documents refer to ({@code @APIResponse(responseCode = "404", ref = "NotFound", description = ...)}).
 */
@OpenAPIDefinition(info = @Info(title = "filmreviews", version = "1"), components = @Components(responses = {
        @APIResponse(name = "BadRequest",
                description = "The request is not valid: a field, query parameter or header is missing,"
                        + " malformed or out of range, or the body is not the JSON expected (unknown, duplicated or mistyped fields"
                        + " included); errors names each rejected field. Nothing was changed.",
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                        examples = @ExampleObject(name = "validation",
                                value = "{\"type\": \"https://filmreviews.org/problems/validation\","
                                        + " \"title\": \"Invalid request\", \"status\": 400, \"detail\": \"rating must be between 1 and 10\","
                                        + " \"instance\": \"/films/5f0c7a1e-8d2b-4b8e-9a57-3c1d2e4f6a7b/reviews\","
                                        + " \"errors\": [{\"field\": \"rating\", \"message\": \"must be between 1 and 10\"}]}"))),
        @APIResponse(name = "Unauthorized",
                description = "No valid bearer token: none was sent, or it expired, was forged or was"
                        + " issued for another audience.",
                headers = @Header(name = "WWW-Authenticate", description = "Always Bearer",
                        schema = @Schema(type = SchemaType.STRING)),
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                        examples = @ExampleObject(name = "unauthorized",
                                value = "{\"type\": \"https://filmreviews.org/problems/unauthorized\","
                                        + " \"title\": \"Unauthorized\", \"status\": 401,"
                                        + " \"detail\": \"Sign in: send a valid bearer token in the Authorization header.\","
                                        + " \"instance\": \"/me\"}"))),
        @APIResponse(name = "Forbidden", description = "The token is valid, but its account may not do this.",
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                        examples = @ExampleObject(name = "forbidden",
                                value = "{\"type\": \"https://filmreviews.org/problems/forbidden\","
                                        + " \"title\": \"Forbidden\", \"status\": 403,"
                                        + " \"detail\": \"Your account does not have the role this operation needs.\","
                                        + " \"instance\": \"/films\"}"))),
        @APIResponse(name = "NotFound", description = "There is no such thing here, or not for this caller.",
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                        examples = @ExampleObject(name = "not-found",
                                value = "{\"type\": \"https://filmreviews.org/problems/not-found\","
                                        + " \"title\": \"Not Found\", \"status\": 404,"
                                        + " \"detail\": \"No review with id 0b8e4f5c-1a2b-4c3d-9e8f-7a6b5c4d3e2f\","
                                        + " \"instance\": \"/reviews/0b8e4f5c-1a2b-4c3d-9e8f-7a6b5c4d3e2f\"}"))),
        @APIResponse(name = "Conflict",
                description = "The request does not fit the current state, or another request changed the"
                        + " same thing at the same moment (then with Retry-After: 1). Nothing was changed: reload and try again.",
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                        examples = @ExampleObject(name = "conflict",
                                value = "{\"type\": \"https://filmreviews.org/problems/conflict\","
                                        + " \"title\": \"Conflict\", \"status\": 409, \"detail\": \"Someone changed this at the same moment;"
                                        + " nothing was changed by this request. Reload and try again.\"}"))),
        @APIResponse(name = "PreconditionFailed",
                description = "If-Match names a version that is no longer the current one: someone"
                        + " changed it meanwhile. Nothing was changed; reload and apply the change again.",
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                        examples = @ExampleObject(name = "version-mismatch", value = "{\"type\":"
                                + " \"https://filmreviews.org/problems/version-mismatch\", \"title\": \"Precondition Failed\","
                                + " \"status\": 412,"
                                + " \"detail\": \"The film is at version 4, not 3: reload it and apply your change again.\"}"))),
        @APIResponse(name = "IdempotencyKeyReused",
                description = "This Idempotency-Key was used by the same caller for a different"
                        + " request. Nothing was changed.",
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                        examples = @ExampleObject(name = "idempotency-key-reused", value = "{\"type\":"
                                + " \"https://filmreviews.org/problems/idempotency-key-reused\", \"title\": \"Idempotency-Key reused\","
                                + " \"status\": 422, \"detail\": \"This Idempotency-Key was used for a different request.\"}"))),
        @APIResponse(name = "TooManyRequests",
                description = "Too many requests of this kind in a short time; nothing was changed."
                        + " Try again after Retry-After seconds.",
                headers = @Header(name = "Retry-After", description = "Seconds to wait",
                        schema = @Schema(type = SchemaType.INTEGER)),
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                        examples = @ExampleObject(name = "rate-limited",
                                value = "{\"type\": \"https://filmreviews.org/problems/rate-limited\","
                                        + " \"title\": \"Too Many Requests\", \"status\": 429,"
                                        + " \"detail\": \"Too many sign-in attempts from your address.\"}"))),
        @APIResponse(name = "ServiceUnavailable",
                description = "The service cannot reach its database (or, where said, the broker)"
                        + " right now; nothing was changed. Try again after Retry-After seconds.",
                headers = @Header(name = "Retry-After", description = "Seconds to wait",
                        schema = @Schema(type = SchemaType.INTEGER)),
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                        examples = @ExampleObject(name = "unavailable",
                                value = "{\"type\": \"https://filmreviews.org/problems/unavailable\","
                                        + " \"title\": \"Service Unavailable\", \"status\": 503,"
                                        + " \"detail\": \"The service cannot reach its database right now; nothing was changed."
                                        + " Try again shortly.\"}")))
}))
package org.filmreviews.platform.problem;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
