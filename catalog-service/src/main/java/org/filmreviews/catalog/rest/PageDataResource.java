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

import org.filmreviews.catalog.service.PageChecksum;
import org.filmreviews.catalog.service.PageRebuild;
import org.filmreviews.platform.problem.ProblemException;
import org.filmreviews.platform.security.Roles;

/** Operating the page read model: rebuild it from the log, compare it by checksum. */
@Path("/admin/page-data")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class PageDataResource {

    @Inject
    PageRebuild rebuild;

    @Inject
    PageChecksum checksum;

    /** Drops the page data and replays the review topics from offset 0; answers when the new data is committed. */
    @POST
    @Path("rebuild")
    public PageRebuild.Report rebuild() {
        return rebuild.rebuild();
    }

    /** The checksum of the page data of every film, or of one with {@code ?film=<id>}. */
    @GET
    @Path("checksum")
    public PageChecksum.Fingerprint checksum(@QueryParam("film") String film) {
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
