package org.filmreviews.catalog.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.filmreviews.catalog.service.film.FilmCursor;
import org.filmreviews.catalog.service.film.FilmService;
import org.filmreviews.catalog.service.page.FilmPageService;
import org.filmreviews.catalog.service.page.ReviewCursor;
import org.filmreviews.catalog.service.page.ReviewSort;
import org.filmreviews.platform.rest.QueryParams;

/**
 * Reading the catalog: search, and a film's page as JSON (or, for a browser, as HTML) with its reviews in any order.
 * The HTML page of any page of reviews is {@link FilmPageHtmlResource}; live changes are {@link LivePageResource}.
 */
@Path("/films")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = FilmPageResource.TAG, description = FilmPageResource.TAG_DESCRIPTION)
@APIResponse(responseCode = "503", ref = "ServiceUnavailable")
public class FilmPageResource {

    /** The one OpenAPI tag of every {@code /films} resource. */
    static final String TAG = "Films";

    static final String TAG_DESCRIPTION = "The catalog and each film's page: search, the page as JSON or HTML, its reviews in any"
            + " order, live changes (Server-Sent Events); admins add, change and retire films";

    @Inject
    FilmService films;

    @Inject
    FilmPageService pages;

    @GET
    @Operation(operationId = "searchFilms", summary = "Find films", description = "By words of the title or original title,"
            + " in title order; every film without q. Keyset paged: follow next until it is null.")
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "A page of films")
    @APIResponse(responseCode = "400", ref = "BadRequest", description = "q over 200 characters, or an invalid limit or cursor")
    public FilmListResponse search(
            @Parameter(description = "Words of the title",
                    example = "mirror") @QueryParam("q") @DefaultValue("") @Size(max = 200) String query,
            @Parameter(description = "From the next link of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Films per page",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100",
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
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Operation(operationId = "getFilmPage", summary = "A film's page",
            description = "The film, its rating and the first page of"
                    + " its published reviews. JSON, unless the client puts text/html first in Accept (a browser): then the HTML page."
                    + " Fields are only ever added.")
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "The page data, or the HTML page", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FilmPageResponse.class)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", ref = "BadRequest", description = "An invalid sort or limit")
    @APIResponse(responseCode = "404", ref = "NotFound", description = "No film with this id")
    @APIResponse(responseCode = "410", ref = "Gone")
    public Response page(@Parameter(ref = "id") @PathParam("id") UUID id,
            @Parameter(ref = "sort") @QueryParam("sort") String sort,
            @Parameter(ref = "limit") @QueryParam("limit") String limitParam, @Context HttpHeaders headers) {
        int limit = QueryParams.integer("limit", limitParam, FilmPageService.DEFAULT_PAGE_SIZE, 1,
                FilmPageService.MAX_PAGE_SIZE);
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
    @APIResponse(responseCode = "400", ref = "BadRequest",
            description = "An invalid sort, limit or cursor (or one of another sort)")
    @APIResponse(responseCode = "404", ref = "NotFound", description = "No film with this id")
    @APIResponse(responseCode = "410", ref = "Gone")
    public FilmPageResponse.Reviews reviews(@Parameter(ref = "id") @PathParam("id") UUID id,
            @Parameter(ref = "sort") @QueryParam("sort") String sort,
            @Parameter(description = "From the next link of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(ref = "limit") @QueryParam("limit") String limitParam) {
        int limit = QueryParams.integer("limit", limitParam, FilmPageService.DEFAULT_PAGE_SIZE, 1,
                FilmPageService.MAX_PAGE_SIZE);
        ReviewSort order = ReviewSort.parse(sort);
        ReviewCursor after = cursor == null || cursor.isBlank() ? null : ReviewCursor.decode(cursor, order);
        return FilmPageResponse.reviews(id, order, limit, pages.reviews(id, order, after, limit));
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
}
