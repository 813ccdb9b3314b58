package org.filmreviews.catalog.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.filmreviews.catalog.domain.Film;
import org.filmreviews.catalog.service.film.FilmService;
import org.filmreviews.platform.idempotency.IdempotentRequests;
import org.filmreviews.platform.problem.ProblemException;
import org.filmreviews.platform.security.Caller;
import org.filmreviews.platform.security.Roles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The catalog's writes, for admins: add, replace and retire films, each announced on catalog.film-changed.v1. */
@Path("/films")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = FilmPageResource.TAG, description = FilmPageResource.TAG_DESCRIPTION)
@APIResponse(responseCode = "503", ref = "ServiceUnavailable")
public class FilmAdminResource {

    private static final String FILM_EXAMPLE = "{\"title\": \"Mirror for a Hero\", \"originalTitle\": \"Zerkalo dlya geroya\","
            + " \"releaseDate\": \"1987-12-13\", \"genres\": [\"drama\", \"fantasy\"],"
            + " \"synopsis\": \"Sergei and Andrei climb over a park fence to watch a film shoot and wake up in 1949.\","
            + " \"trailers\": [{\"title\": \"Trailers\","
            + " \"url\": \"https://www.youtube.com/results?search_query=Zerkalo+dlya+geroya+1987+trailer\"}]}";

    @Inject
    FilmService films;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper mapper;

    /** With an {@code Idempotency-Key}, a retried create answers the first response and makes no second film. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createFilm", summary = "Add a film",
            description = "Announced on catalog.film-changed.v1: review-service"
                    + " then takes reviews of it. With an Idempotency-Key a retried create answers the first response and makes no"
                    + " second film.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "film", value = FILM_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created, at version 1",
            headers = {
                    @Header(name = "Location", description = "The film: /films/{id}",
                            schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", ref = "FilmVersion")},
            content = @Content(schema = @Schema(implementation = FilmResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden", description = "Not an admin")
    @APIResponse(responseCode = "409", ref = "Conflict", description = "A request with this Idempotency-Key is still running")
    @APIResponse(responseCode = "422", ref = "IdempotencyKeyReused")
    public Response create(@Valid @NotNull FilmRequest request,
            @Parameter(ref = IdempotentRequests.HEADER) @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotency.respond(idempotencyKey, caller.username(), "POST /films " + json(request), () -> {
            Film film = films.create(request.toDetails());
            return Response.created(URI.create("/films/" + film.id)).entity(FilmResponse.of(film))
                    .tag(Long.toString(film.version)).build();
        });
    }

    /** Replaces the film; with {@code If-Match: "<version>"} only if nobody changed it meanwhile. */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateFilm", summary = "Replace a film", description = "The whole film, as for POST; the version"
            + " goes up and the change is announced. With If-Match only if nobody changed it meanwhile.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "film", value = FILM_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The film as it is now",
            headers = @Header(name = "ETag", ref = "FilmVersion"),
            content = @Content(schema = @Schema(implementation = FilmResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest", description = "An invalid body, If-Match or Idempotency-Key")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden", description = "Not an admin")
    @APIResponse(responseCode = "404", ref = "NotFound", description = "No film with this id")
    @APIResponse(responseCode = "409", ref = "Conflict", description = "The film is retired, or a request with this"
            + " Idempotency-Key is still running")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed", description = "If-Match is not the film's current version")
    @APIResponse(responseCode = "422", ref = "IdempotencyKeyReused")
    public Response update(@Parameter(ref = "id") @PathParam("id") UUID id,
            @Parameter(description = "The version edited, as the ETag gave it (\"3\"); without it the film is overwritten",
                    example = "\"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull FilmRequest request,
            @Parameter(ref = IdempotentRequests.HEADER) @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        Long expected = expectedVersion(ifMatch);
        return idempotency.respond(idempotencyKey, caller.username(), "PUT /films/" + id + " " + ifMatch + " " + json(request),
                () -> {
                    Film film = films.update(id, request.toDetails(), expected);
                    return Response.ok(FilmResponse.of(film)).tag(Long.toString(film.version)).build();
                });
    }

    private String json(Object request) {
        try {
            return mapper.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Retires the film: it leaves search results and its page is gone; catalog.film-changed.v1 says so. */
    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "retireFilm", summary = "Retire a film", description = "It leaves search results, its page is"
            + " gone (410) and review-service takes no more reviews of it. Retiring twice changes nothing.")
    @APIResponse(responseCode = "204", description = "Retired")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden", description = "Not an admin")
    @APIResponse(responseCode = "404", ref = "NotFound", description = "No film with this id")
    public Response retire(@Parameter(ref = "id") @PathParam("id") UUID id) {
        films.retire(id);
        return Response.noContent().build();
    }

    private static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        try {
            return Long.valueOf(value.replace("\"", ""));
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("If-Match", "must be the quoted version of the film, e.g. \"3\"");
        }
    }
}
