package org.filmreviews.review.rest;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.filmreviews.platform.paging.KeysetCursor;
import org.filmreviews.platform.problem.ProblemException;
import org.filmreviews.platform.rest.QueryParams;
import org.filmreviews.platform.security.Caller;
import org.filmreviews.review.service.AccountService;
import org.filmreviews.review.service.ReviewService;

import io.quarkus.security.Authenticated;

/** The signed-in person: their account and their reviews. */
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class MeResource {

    @Inject
    AccountService accounts;

    @Inject
    ReviewService reviews;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "The signed-in account")
    public AccountResponse me() {
        UUID id = AccountId.of(caller);
        return accounts.find(id).map(AccountResponse::of)
                .orElseThrow(() -> ProblemException.notFound("No account with id " + id));
    }

    @GET
    @Path("reviews")
    @Operation(summary = "One's own reviews, newest first", description = "With status and reasons; keyset paged: follow next until it is null.")
    public ReviewListResponse mine(@QueryParam("cursor") String cursor, @QueryParam("limit") String limitParam) {
        int limit = QueryParams.integer("limit", limitParam, 20, 1, 100);
        UUID author = AccountId.of(caller);
        return ReviewPaging.page(reviews.byAuthor(author, KeysetCursor.decode(cursor), limit + 1), limit,
                next -> "/me/reviews?limit=" + limit + "&cursor=" + next);
    }
}
