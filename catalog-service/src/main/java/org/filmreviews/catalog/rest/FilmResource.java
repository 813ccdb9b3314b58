package org.filmreviews.catalog.rest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.filmreviews.catalog.domain.Film;
import org.filmreviews.catalog.service.FilmCursor;
import org.filmreviews.catalog.service.FilmPageService;
import org.filmreviews.catalog.service.FilmService;
import org.filmreviews.catalog.service.PageChange;
import org.filmreviews.catalog.service.PageNotices;
import org.filmreviews.catalog.service.ReviewCursor;
import org.filmreviews.catalog.service.ReviewSort;
import org.filmreviews.platform.idempotency.IdempotentRequests;
import org.filmreviews.platform.problem.ProblemException;
import org.filmreviews.platform.rest.QueryParams;
import org.filmreviews.platform.security.Caller;
import org.filmreviews.platform.security.Roles;
import org.filmreviews.platform.throttle.ClientAddress;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.vertx.core.http.HttpServerRequest;

@Path("/films")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Films", description = "The catalog and each film's page: search, the page as JSON or HTML, its reviews in any"
        + " order, live changes (Server-Sent Events); admins add, change and retire films")
@APIResponse(responseCode = "503", ref = "ServiceUnavailable")
public class FilmResource {

    /** Sent while nothing happens, so that proxies keep the stream open and dead readers are noticed. */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(20);

    private static final String FILM_EXAMPLE = "{\"title\": \"Mirror for a Hero\", \"originalTitle\": \"Zerkalo dlya geroya\","
            + " \"releaseDate\": \"1987-12-13\", \"genres\": [\"drama\", \"fantasy\"],"
            + " \"synopsis\": \"Sergei and Andrei climb over a park fence to watch a film shoot and wake up in 1949.\","
            + " \"trailers\": [{\"title\": \"Trailers\","
            + " \"url\": \"https://www.youtube.com/results?search_query=Zerkalo+dlya+geroya+1987+trailer\"}]}";

    @Inject
    FilmService films;

    @Inject
    FilmPageService pages;

    @Inject
    PageNotices notices;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    Caller caller;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper mapper;

    /** With an {@code Idempotency-Key}, a retried create answers the first response and makes no second film. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createFilm", summary = "Add a film", description = "Announced on catalog.film-changed.v1: review-service"
            + " then takes reviews of it. With an Idempotency-Key a retried create answers the first response and makes no"
            + " second film.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "film", value = FILM_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created, at version 1",
            headers = { @Header(name = "Location", description = "The film: /films/{id}", schema = @Schema(type = SchemaType.STRING)),
                @Header(name = "ETag", ref = "FilmVersion") },
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
    @APIResponse(responseCode = "200", description = "The film as it is now", headers = @Header(name = "ETag", ref = "FilmVersion"),
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
        return idempotency.respond(idempotencyKey, caller.username(), "PUT /films/" + id + " " + ifMatch + " " + json(request), () -> {
            Film film = films.update(id, request.toDetails(), expected);
            return Response.ok(FilmResponse.of(film)).tag(Long.toString(film.version)).build();
        });
    }

    private String json(Object request) {
        try {
            return mapper.writeValueAsString(request);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
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

    @GET
    @Operation(operationId = "searchFilms", summary = "Find films", description = "By words of the title or original title,"
            + " in title order; every film without q. Keyset paged: follow next until it is null.")
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "A page of films")
    @APIResponse(responseCode = "400", ref = "BadRequest", description = "q over 200 characters, or an invalid limit or cursor")
    public FilmListResponse search(@Parameter(description = "Words of the title", example = "mirror")
            @QueryParam("q") @DefaultValue("") @Size(max = 200) String query,
            @Parameter(description = "From the next link of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Films per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100",
                    defaultValue = "20")) @QueryParam("limit") String limitParam) {
        int limit = QueryParams.integer("limit", limitParam, 20, 1, 100);
        FilmCursor after = cursor == null || cursor.isBlank() ? null : FilmCursor.decode(cursor);
        FilmService.SearchPage found = films.search(query, after, limit);
        String next = found.next().map(c -> "/films?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + "&cursor=" + c.encode() + "&limit=" + limit).orElse(null);
        return new FilmListResponse(found.items().stream().map(FilmResponse::of).toList(), next);
    }

    /** The page data as JSON; for a browser (which asks for {@code text/html} first) the HTML page. */
    @GET
    @Path("{id}")
    @Produces({ MediaType.APPLICATION_JSON, MediaType.TEXT_HTML })
    @Operation(operationId = "getFilmPage", summary = "A film's page", description = "The film, its rating and the first page of"
            + " its published reviews. JSON, unless the client puts text/html first in Accept (a browser): then the HTML page."
            + " Fields are only ever added.")
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "The page data, or the HTML page", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FilmPageResponse.class)),
        @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "400", ref = "BadRequest", description = "An invalid sort or limit")
    @APIResponse(responseCode = "404", ref = "NotFound", description = "No film with this id")
    @APIResponse(responseCode = "410", ref = "Gone")
    public Response page(@Parameter(ref = "id") @PathParam("id") UUID id, @Parameter(ref = "sort") @QueryParam("sort") String sort,
            @Parameter(ref = "limit") @QueryParam("limit") String limitParam, @Context HttpHeaders headers) {
        int limit = QueryParams.integer("limit", limitParam, FilmPageService.DEFAULT_PAGE_SIZE, 1, FilmPageService.MAX_PAGE_SIZE);
        ReviewSort order = ReviewSort.parse(sort);
        var page = pages.page(id, order, null, limit);
        if (prefersHtml(headers)) {
            return FilmPageHtml.render(page, null, limit);
        }
        return Response.ok(FilmPageResponse.of(page, limit), MediaType.APPLICATION_JSON_TYPE).header("Vary", "Accept").build();
    }

    @GET
    @Path("{id}/reviews")
    @Operation(operationId = "listFilmPageReviews", summary = "A page of a film's published reviews",
            description = "In the order of sort; keyset paged: follow next until it is null.")
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "The reviews")
    @APIResponse(responseCode = "400", ref = "BadRequest", description = "An invalid sort, limit or cursor (or one of another sort)")
    @APIResponse(responseCode = "404", ref = "NotFound", description = "No film with this id")
    @APIResponse(responseCode = "410", ref = "Gone")
    public FilmPageResponse.Reviews reviews(@Parameter(ref = "id") @PathParam("id") UUID id,
            @Parameter(ref = "sort") @QueryParam("sort") String sort,
            @Parameter(description = "From the next link of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(ref = "limit") @QueryParam("limit") String limitParam) {
        int limit = QueryParams.integer("limit", limitParam, FilmPageService.DEFAULT_PAGE_SIZE, 1, FilmPageService.MAX_PAGE_SIZE);
        ReviewSort order = ReviewSort.parse(sort);
        ReviewCursor after = cursor == null || cursor.isBlank() ? null : ReviewCursor.decode(cursor, order);
        return FilmPageResponse.reviews(id, order, limit, pages.reviews(id, order, after, limit));
    }

    /** The film page as HTML, any page of its reviews in any order. */
    @GET
    @Path("{id}/page")
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "getFilmPageHtml", summary = "A film's page as HTML",
            description = "For browsers: any page of its reviews in any order. Errors are problem+json all the same.")
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "The HTML page", content = @Content(schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", ref = "BadRequest", description = "An invalid sort, limit or cursor")
    @APIResponse(responseCode = "404", ref = "NotFound", description = "No film with this id")
    @APIResponse(responseCode = "410", ref = "Gone")
    public Response html(@Parameter(ref = "id") @PathParam("id") UUID id, @Parameter(ref = "sort") @QueryParam("sort") String sort,
            @Parameter(description = "From the page's next link") @QueryParam("cursor") String cursor,
            @Parameter(ref = "limit") @QueryParam("limit") String limitParam) {
        int limit = QueryParams.integer("limit", limitParam, FilmPageService.DEFAULT_PAGE_SIZE, 1, FilmPageService.MAX_PAGE_SIZE);
        ReviewSort order = ReviewSort.parse(sort);
        String given = cursor == null || cursor.isBlank() ? null : cursor;
        ReviewCursor after = given == null ? null : ReviewCursor.decode(given, order);
        return FilmPageHtml.render(pages.page(id, order, after, limit), given, limit);
    }

    /**
     * Server-Sent Events: a {@code review} event ({@code {"kind": "published"|"changed"|"removed"|"voted",
     * "filmId", "reviewId", ...}}, see {@link PageNotice}) whenever the page changes, on whichever instance it
     * changed; {@code rebuilt} after a rebuild of the page data or when notices may have been missed (read the page
     * again); and a comment now and then to keep the connection open.
     */
    @GET
    @Path("{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Operation(operationId = "followFilmPage", summary = "Follow a film's page live (Server-Sent Events)", description = "An event"
            + " named review whenever the page changes on any instance, its data JSON: {kind: published, changed, removed or"
            + " voted; filmId, reviewId; with a vote helpful and notHelpful; otherwise reviewHtml, ratingHtml and reviewCount,"
            + " the page's parts as they now render}. An event named rebuilt when the page should be read again; a comment"
            + " every 20 s. The stream ends after 10 minutes (catalog.live.max-lifetime) and the browser reconnects.")
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "The stream", content = @Content(schema = @Schema(type = SchemaType.STRING),
            examples = @ExampleObject(name = "vote", value = "event: review\ndata: {\"kind\":\"voted\",\"filmId\":"
                    + "\"5f0c7a1e-8d2b-4b8e-9a57-3c1d2e4f6a7b\",\"reviewId\":\"0b8e4f5c-1a2b-4c3d-9e8f-7a6b5c4d3e2f\","
                    + "\"helpful\":12,\"notHelpful\":1}\n\n")))
    @APIResponse(responseCode = "404", ref = "NotFound", description = "No film with this id")
    @APIResponse(responseCode = "410", ref = "Gone")
    @APIResponse(responseCode = "429", ref = "TooManyRequests", description = "The address follows 8 pages live already"
            + " (Retry-After: 30)")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable", description = "Too many readers follow pages live on this"
            + " instance (2,000; Retry-After: 30), or the database is away")
    public Multi<OutboundSseEvent> events(@Parameter(ref = "id") @PathParam("id") UUID id, @Context Sse sse,
            @Context HttpServerRequest http) {
        pages.requirePage(id);
        // The response (and its headers) starts with the first event: send one at once.
        OutboundSseEvent hello = sse.newEventBuilder().comment("following film " + id).reconnectDelay(3000).build();
        Multi<OutboundSseEvent> changes = notices.follow(id, ClientAddress.of(http)).map(change -> event(sse, change));
        // As many keep-alives as fit in the stream's lifetime: the stream ends when its notices end (PageNotices).
        long keepAlives = notices.maxLifetime().toMillis() / KEEP_ALIVE.toMillis();
        Multi<OutboundSseEvent> keepAlive = Multi.createFrom().ticks().every(KEEP_ALIVE).onOverflow().drop()
                .select().first(keepAlives)
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        // Each stream is asked for at most notices.buffer() items ahead of what was written to the reader.
        return Multi.createBy().merging().withRequests(notices.buffer()).streams(Multi.createFrom().item(hello), changes, keepAlive);
    }

    /**
     * What a page reader is told about a change: with a vote, the new totals; with a review published, changed or
     * removed, the page's parts as they now render ({@code reviewHtml} absent once the review is off the page).
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record PageNotice(String kind, UUID filmId, UUID reviewId, Integer helpful, Integer notHelpful,
            String reviewHtml, String ratingHtml, Integer reviewCount) {
    }

    private static OutboundSseEvent event(Sse sse, PageChange change) {
        String name = change.kind() == PageChange.Kind.REBUILT ? "rebuilt" : "review";
        PageChange.Html html = change.html();
        return sse.newEventBuilder().name(name).mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(PageNotice.class, new PageNotice(change.kind().name().toLowerCase(java.util.Locale.ROOT),
                        change.filmId(), change.reviewId(), change.helpful(), change.notHelpful(),
                        html == null ? null : html.review(), html == null ? null : html.rating(),
                        html == null ? null : html.reviewCount()))
                .build();
    }

    /**
     * HTML only for a client that puts {@code text/html} itself first (a browser); {@code *}{@code /*},
     * no Accept header at all, or JSON first keep getting the JSON page data.
     */
    static boolean prefersHtml(HttpHeaders headers) {
        List<MediaType> acceptable;
        try {
            acceptable = headers.getAcceptableMediaTypes();
        } catch (IllegalArgumentException unreadable) {
            return false; // an Accept header that is no list of media types (empty, ";;;"): the JSON page data, as for none
        }
        for (MediaType accepted : acceptable) {
            if (accepted.isWildcardType() || accepted.isWildcardSubtype()) {
                return false;
            }
            if (accepted.isCompatible(MediaType.TEXT_HTML_TYPE)) {
                return true;
            }
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
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
