package org.filmreviews.catalog.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.filmreviews.catalog.service.projection.PageChecksum;
import org.filmreviews.catalog.service.projection.PageRebuild;
import org.filmreviews.platform.problem.ProblemException;
import org.filmreviews.platform.security.Roles;

/** Operating the page read model: rebuild it from the log, compare it by checksum. */
@Path("/admin/page-data")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Page data (operators)", description = "The film pages' read model: its rebuild from the log, and its checksum to"
        + " compare instances or a rebuild with the live data. Admin only.")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden", description = "Not an admin")
@APIResponse(responseCode = "503", ref = "ServiceUnavailable")
public class PageDataResource {

    @Inject
    PageRebuild rebuild;

    @Inject
    PageChecksum checksum;

    /** Drops the page data and replays the review topics from offset 0; answers when the new data is committed. */
    @POST
    @Path("rebuild")
    @Operation(operationId = "rebuildPageData", summary = "Rebuild the page data from the log", description = "Drops the page"
            + " data and replays the review topics from offset 0 in one transaction; answers when the new data is committed."
            + " Open pages are told to reload.")
    @APIResponse(responseCode = "200", description = "What the rebuild read and applied, and the new checksum")
    @APIResponse(responseCode = "409", ref = "Conflict", description = "A rebuild is running already")
    public PageRebuild.Report rebuild() {
        return rebuild.rebuild();
    }

    /** The checksum of the page data of every film, or of one with {@code ?film=<id>}. */
    @GET
    @Path("checksum")
    @Operation(operationId = "getPageDataChecksum", summary = "The checksum of the page data",
            description = "Of every film, or of one.")
    @APIResponse(responseCode = "200", description = "The checksum and what it covers")
    @APIResponse(responseCode = "400", ref = "BadRequest", description = "film is not a UUID")
    public PageChecksum.Fingerprint checksum(
            @Parameter(description = "Only this film", schema = @Schema(type = SchemaType.STRING,
                    format = "uuid")) @QueryParam("film") String film) {
        if (film == null || film.isBlank()) {
            return checksum.of(null);
        }
        try {
            return checksum.of(UUID.fromString(film.strip()));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("film", "must be a film id (a UUID)");
        }
    }
}
