/**
 * {@code Idempotency-Key} on POST and PUT. The annotation below describes the header once for the three services'
 * OpenAPI documents; an endpoint that takes it refers to it with {@code @Parameter(ref = "Idempotency-Key")}.
 */
@OpenAPIDefinition(info = @Info(title = "filmreviews", version = "1"), components = @Components(parameters = {
        @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER,
                description = "Makes a retry safe: the first request with a"
                        + " key does the work and its answer is kept for a day; a retry with the same key and the same request gets that"
                        + " answer again (with Idempotent-Replayed: true) and changes nothing. The same key with another request is 422;"
                        + " while the first request still runs, a retry waits a few seconds, then gets 409 with Retry-After. Keys are per"
                        + " caller: 1 to 200 visible ASCII characters, a UUID for instance.",
                schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 200, pattern = "^[\\x21-\\x7E]+$"),
                example = "3f1c9a52-6b0e-4d7a-9c3e-2a8b5d4f1e60")}))
package org.filmreviews.platform.idempotency;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
