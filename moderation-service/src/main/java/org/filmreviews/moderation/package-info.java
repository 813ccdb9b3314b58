/**
 * moderation-service, one package per feature: each holds that feature's resources, services, repositories and
 * consumers; {@code cases} holds the moderation case they all work on. The annotation below adds to the OpenAPI
 * document what belongs to no single resource: where the service runs locally, the console's session cookie, and
 * the parameters the queue API and the console pages share. The rest comes from the resources,
 * {@code application.properties} ({@code quarkus.smallrye-openapi.*}) and platform (problem+json responses,
 * {@code Idempotency-Key}).
 */
@OpenAPIDefinition(info = @Info(title = "moderation-service", version = "1"),
        servers = @Server(url = "http://127.0.0.1:8082", description = "./run.sh (instance 1)"),
        components = @Components(
                securitySchemes = @SecurityScheme(securitySchemeName = "console-session", type = SecuritySchemeType.APIKEY,
                        in = SecuritySchemeIn.COOKIE, apiKeyName = ConsoleSession.COOKIE, description = "The console's session:"
                                + " the access token in an HttpOnly cookie, set by POST /console/sign-in. The JSON API takes it"
                                + " too, but a POST, PUT or DELETE riding on it must carry X-Requested-By: moderation-console;"
                                + " programs send the bearer token instead."),
                parameters = {
                        @Parameter(name = "reviewId", in = ParameterIn.PATH, required = true,
                                description = "The review (its id in"
                                        + " review-service)",
                                schema = @Schema(type = SchemaType.STRING, format = "uuid")),
                        @Parameter(name = "filmId", in = ParameterIn.QUERY, description = "Only this film's reviews",
                                schema = @Schema(type = SchemaType.STRING, format = "uuid")),
                        @Parameter(name = "reason", in = ParameterIn.QUERY,
                                description = "Only reviews with this finding of the"
                                        + " engine",
                                schema = @Schema(type = SchemaType.STRING), example = "spam.link"),
                        @Parameter(name = "minSpam", in = ParameterIn.QUERY,
                                description = "Only reviews with at least this spam score",
                                schema = @Schema(type = SchemaType.NUMBER, minimum = "0", maximum = "1")),
                        @Parameter(name = "minSpoiler", in = ParameterIn.QUERY,
                                description = "Only reviews with at least this spoiler"
                                        + " score",
                                schema = @Schema(type = SchemaType.NUMBER, minimum = "0", maximum = "1")),
                        @Parameter(name = "appeal", in = ParameterIn.QUERY,
                                description = "Only appeals (true), or none (false)",
                                schema = @Schema(type = SchemaType.BOOLEAN)),
                        @Parameter(name = "reported", in = ParameterIn.QUERY,
                                description = "Only reviews readers reported (true), or"
                                        + " none (false)",
                                schema = @Schema(type = SchemaType.BOOLEAN)),
                        @Parameter(name = "cursor", in = ParameterIn.QUERY,
                                description = "From the next link of the previous page",
                                schema = @Schema(type = SchemaType.STRING))}))
package org.filmreviews.moderation;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.filmreviews.moderation.console.ConsoleSession;
