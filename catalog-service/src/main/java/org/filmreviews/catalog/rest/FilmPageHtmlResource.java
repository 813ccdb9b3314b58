package org.filmreviews.catalog.rest;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import org.filmreviews.catalog.service.page.FilmPageService;
import org.filmreviews.catalog.service.page.ReviewCursor;
import org.filmreviews.catalog.service.page.ReviewSort;
import org.filmreviews.platform.rest.QueryParams;

/** A film's page as HTML for browsers, any page of its reviews in any order. */
@Path("/films")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = FilmPageResource.TAG, description = FilmPageResource.TAG_DESCRIPTION)
@APIResponse(responseCode = "503", ref = "ServiceUnavailable")
public class FilmPageHtmlResource {

    @Inject
    FilmPageService pages;

    @GET
    @Path("{id}/page")
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "getFilmPageHtml", summary = "A film's page as HTML",
            description = "For browsers: any page of its reviews in any order. Errors are problem+json all the same.")
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "The HTML page",
            content = @Content(schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", ref = "BadRequest", description = "An invalid sort, limit or cursor")
    @APIResponse(responseCode = "404", ref = "NotFound", description = "No film with this id")
    @APIResponse(responseCode = "410", ref = "Gone")
    public Response html(@Parameter(ref = "id") @PathParam("id") UUID id,
            @Parameter(ref = "sort") @QueryParam("sort") String sort,
            @Parameter(description = "From the page's next link") @QueryParam("cursor") String cursor,
            @Parameter(ref = "limit") @QueryParam("limit") String limitParam) {
        int limit = QueryParams.integer("limit", limitParam, FilmPageService.DEFAULT_PAGE_SIZE, 1,
                FilmPageService.MAX_PAGE_SIZE);
        ReviewSort order = ReviewSort.parse(sort);
        String given = cursor == null || cursor.isBlank() ? null : cursor;
        ReviewCursor after = given == null ? null : ReviewCursor.decode(given, order);
        return FilmPageHtml.render(pages.page(id, order, after, limit), given, limit);
    }
}
