package org.filmreviews.moderation.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.filmreviews.moderation.service.ModerationService;
import org.filmreviews.platform.problem.ProblemException;
import org.filmreviews.platform.security.Roles;

@Path("/moderation/cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.MODERATOR, Roles.ADMIN })
public class CaseResource {

    @Inject
    ModerationService moderation;

    /** The case of the latest version of a review. */
    @GET
    @Path("{reviewId}")
    public CaseResponse get(@PathParam("reviewId") UUID reviewId) {
        return moderation.latestCase(reviewId).map(CaseResponse::of)
                .orElseThrow(() -> ProblemException.notFound("No moderation case for review " + reviewId));
    }
}
