/**
 * The HTTP API: films and their pages. The annotation below adds to the OpenAPI document what belongs to no single
 * resource: where the service runs locally and the parameters, header and response several operations share. The
 * rest comes from the resources, {@code application.properties} ({@code quarkus.smallrye-openapi.*}) and platform
 * (problem+json responses, {@code Idempotency-Key}).
 */
@OpenAPIDefinition(info = @Info(title = "catalog-service", version = "1"),
        servers = @Server(url = "http://127.0.0.1:8083", description = "./run.sh (instance 1)"),
        components = @Components(
                parameters = {
                        @Parameter(name = "id", in = ParameterIn.PATH, required = true, description = "The film",
                                schema = @Schema(type = SchemaType.STRING, format = "uuid")),
                        @Parameter(name = "sort", in = ParameterIn.QUERY, description = "The order of the reviews",
                                schema = @Schema(type = SchemaType.STRING,
                                        enumeration = {"newest", "highest", "lowest", "helpful"},
                                        defaultValue = "newest")),
                        @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Reviews per page",
                                schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100",
                                        defaultValue = "10"))},
                headers = @Header(name = "FilmVersion", description = "The film's version: If-Match for the next change",
                        schema = @Schema(type = SchemaType.STRING)),
                responses = @APIResponse(name = "Gone",
                        description = "The film was retired from the catalog: its page is gone.",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "film-retired", value = "{\"type\":"
                                        + " \"https://filmreviews.org/problems/film-retired\", \"title\": \"Gone\", \"status\": 410,"
                                        + " \"detail\": \"Film 5f0c7a1e-8d2b-4b8e-9a57-3c1d2e4f6a7b was retired from the"
                                        + " catalog.\"}")))))
package org.filmreviews.catalog.rest;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.filmreviews.platform.problem.Problem;
