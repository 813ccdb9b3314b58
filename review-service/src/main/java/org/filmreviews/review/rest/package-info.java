/**
 * The HTTP API. The annotation below adds to the OpenAPI document what belongs to no single resource: where the
 * service runs locally and the response headers several operations share. The rest comes from the resources,
 * {@code application.properties} ({@code quarkus.smallrye-openapi.*}) and platform (problem+json responses,
 * {@code Idempotency-Key}).
 */
@OpenAPIDefinition(info = @Info(title = "review-service", version = "1"),
        servers = @Server(url = "http://127.0.0.1:8081", description = "./run.sh (instance 1)"),
        components = @Components(headers = {
                @Header(name = "ReviewLocation", description = "The review: /reviews/{id}",
                        schema = @Schema(type = SchemaType.STRING)),
                @Header(name = "ReviewVersion",
                        description = "The review's version, quoted (\"3\"): If-Match for the next edit",
                        schema = @Schema(type = SchemaType.STRING))}))
package org.filmreviews.review.rest;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
