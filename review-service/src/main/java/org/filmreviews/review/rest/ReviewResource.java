package org.filmreviews.review.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.filmreviews.platform.problem.ProblemException;
import org.filmreviews.platform.security.Caller;
import org.filmreviews.platform.security.Roles;
import org.filmreviews.review.domain.Review;
import org.filmreviews.review.service.ReviewService;

@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    @Inject
    ReviewService reviews;

    @Inject
    Caller caller;

    /** Accepted for moderation: the answer comes back later on {@code GET /reviews/{id}}. */
    @POST
    @Path("films/{filmId}/reviews")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REVIEWER)
    public Response submit(@PathParam("filmId") UUID filmId, @Valid @NotNull ReviewRequest request) {
        Review review = reviews.submit(AccountId.of(caller), filmId, request.toDraft());
        return Response.accepted(ReviewResponse.of(review)).location(URI.create("/reviews/" + review.id)).build();
    }

    /** Published reviews are public; others only for their author and moderators. */
    @GET
    @Path("reviews/{id}")
    @PermitAll
    public ReviewResponse get(@PathParam("id") UUID id) {
        Review review = reviews.find(id).filter(this::visibleToCaller)
                .orElseThrow(() -> ProblemException.notFound("No review with id " + id));
        return ReviewResponse.of(review);
    }

    private boolean visibleToCaller(Review review) {
        return review.status.isPublic()
                || caller.subject().filter(review.authorId.toString()::equals).isPresent()
                || caller.isStaff();
    }
}
