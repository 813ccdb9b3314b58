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
public class FilmResource {

    /** Sent while nothing happens, so that proxies keep the stream open and dead readers are noticed. */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(20);

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
    public Response create(@Valid @NotNull FilmRequest request, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
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
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull FilmRequest request, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
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
    public Response retire(@PathParam("id") UUID id) {
        films.retire(id);
        return Response.noContent().build();
    }

    @GET
    public FilmListResponse search(@QueryParam("q") @DefaultValue("") @Size(max = 200) String query,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limitParam) {
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
    public Response page(@PathParam("id") UUID id, @QueryParam("sort") String sort,
            @QueryParam("limit") String limitParam, @Context HttpHeaders headers) {
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
    public FilmPageResponse.Reviews reviews(@PathParam("id") UUID id, @QueryParam("sort") String sort,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limitParam) {
        int limit = QueryParams.integer("limit", limitParam, FilmPageService.DEFAULT_PAGE_SIZE, 1, FilmPageService.MAX_PAGE_SIZE);
        ReviewSort order = ReviewSort.parse(sort);
        ReviewCursor after = cursor == null || cursor.isBlank() ? null : ReviewCursor.decode(cursor, order);
        return FilmPageResponse.reviews(id, order, limit, pages.reviews(id, order, after, limit));
    }

    /** The film page as HTML, any page of its reviews in any order. */
    @GET
    @Path("{id}/page")
    @Produces(MediaType.TEXT_HTML)
    public Response html(@PathParam("id") UUID id, @QueryParam("sort") String sort, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limitParam) {
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
    public Multi<OutboundSseEvent> events(@PathParam("id") UUID id, @Context Sse sse, @Context HttpServerRequest http) {
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
