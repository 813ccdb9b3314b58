package org.filmreviews.catalog.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.filmreviews.catalog.domain.Film;
import org.filmreviews.catalog.service.FilmPageService;
import org.filmreviews.catalog.service.FilmService;
import org.filmreviews.catalog.service.ReviewCursor;
import org.filmreviews.platform.problem.ProblemException;
import org.filmreviews.platform.security.Roles;

@Path("/films")
@Produces(MediaType.APPLICATION_JSON)
public class FilmResource {

    @Inject
    FilmService films;

    @Inject
    FilmPageService pages;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Response create(@Valid @NotNull FilmRequest request) {
        Film film = films.create(request.toDetails());
        return Response.created(URI.create("/films/" + film.id)).entity(FilmResponse.of(film)).build();
    }

    @GET
    public FilmListResponse search(@QueryParam("q") @DefaultValue("") @Size(max = 200) String query,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        List<Film> found = films.search(query, offset, limit + 1);
        String next = found.size() > limit
                ? "/films?q=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8)
                        + "&offset=" + (offset + limit) + "&limit=" + limit
                : null;
        return new FilmListResponse(found.stream().limit(limit).map(FilmResponse::of).toList(), next);
    }

    @GET
    @Path("{id}")
    public FilmPageResponse page(@PathParam("id") UUID id) {
        return pages.page(id, FilmPageService.DEFAULT_PAGE_SIZE).map(FilmPageResponse::of)
                .orElseThrow(() -> ProblemException.notFound("No film with id " + id));
    }

    @GET
    @Path("{id}/reviews")
    public FilmPageResponse.Reviews reviews(@PathParam("id") UUID id, @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(FilmPageService.MAX_PAGE_SIZE) int limit) {
        if (!pages.exists(id)) {
            throw ProblemException.notFound("No film with id " + id);
        }
        ReviewCursor after = cursor == null || cursor.isBlank() ? null : ReviewCursor.decode(cursor);
        return FilmPageResponse.reviews(id, pages.reviews(id, after, limit));
    }
}
