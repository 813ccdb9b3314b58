package org.filmreviews.catalog.rest;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.filmreviews.catalog.service.live.PageChange;
import org.filmreviews.catalog.service.live.PageNotices;
import org.filmreviews.catalog.service.page.FilmPageService;
import org.filmreviews.platform.throttle.ClientAddress;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.vertx.core.http.HttpServerRequest;

/** A film's page live: its changes as Server-Sent Events, from whichever instance they happened on. */
@Path("/films")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = FilmPageResource.TAG, description = FilmPageResource.TAG_DESCRIPTION)
@APIResponse(responseCode = "503", ref = "ServiceUnavailable")
public class LivePageResource {

    /** Sent while nothing happens, so that proxies keep the stream open and dead readers are noticed. */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(20);

    @Inject
    FilmPageService pages;

    @Inject
    PageNotices notices;

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
    @Operation(operationId = "followFilmPage", summary = "Follow a film's page live (Server-Sent Events)",
            description = "An event"
                    + " named review whenever the page changes on any instance, its data JSON: {kind: published, changed, removed or"
                    + " voted; filmId, reviewId; with a vote helpful and notHelpful; otherwise reviewHtml, ratingHtml and reviewCount,"
                    + " the page's parts as they now render}. An event named rebuilt when the page should be read again; a comment"
                    + " every 20 s. The stream ends after 10 minutes (catalog.live.max-lifetime) and the browser reconnects.")
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "The stream",
            content = @Content(schema = @Schema(type = SchemaType.STRING),
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
        return Multi.createBy().merging().withRequests(notices.buffer()).streams(Multi.createFrom().item(hello), changes,
                keepAlive);
    }

    /**
     * What a page reader is told about a change: with a vote, the new totals; with a review published, changed or
     * removed, the page's parts as they now render ({@code reviewHtml} absent once the review is off the page).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PageNotice(String kind, UUID filmId, UUID reviewId, Integer helpful, Integer notHelpful,
            String reviewHtml, String ratingHtml, Integer reviewCount) {
    }

    private static OutboundSseEvent event(Sse sse, PageChange change) {
        String name = change.kind() == PageChange.Kind.REBUILT ? "rebuilt" : "review";
        PageChange.Html html = change.html();
        return sse.newEventBuilder().name(name).mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(PageNotice.class, new PageNotice(change.kind().name().toLowerCase(Locale.ROOT),
                        change.filmId(), change.reviewId(), change.helpful(), change.notHelpful(),
                        html == null ? null : html.review(), html == null ? null : html.rating(),
                        html == null ? null : html.reviewCount()))
                .build();
    }
}
