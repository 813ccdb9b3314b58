package org.filmreviews.review.rest;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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
import org.filmreviews.platform.paging.KeysetCursor;
import org.filmreviews.platform.problem.ProblemException;
import org.filmreviews.platform.rest.QueryParams;
import org.filmreviews.platform.security.Caller;
import org.filmreviews.review.service.account.AccountService;
import org.filmreviews.review.service.review.ReviewService;

import io.quarkus.security.Authenticated;

/** The signed-in person: their account and their reviews. */
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Accounts", description = "Signing up, one's own account and reviews")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden", description = "The token does not belong to an account of this service")
@APIResponse(responseCode = "503", ref = "ServiceUnavailable")
public class MeResource {

    @Inject
    AccountService accounts;

    @Inject
    ReviewService reviews;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "getMe", summary = "The signed-in account")
    @APIResponse(responseCode = "200", description = "The account")
    @APIResponse(responseCode = "404", ref = "NotFound", description = "The account no longer exists")
    public AccountResponse me() {
        UUID id = AccountId.of(caller);
        return accounts.find(id).map(AccountResponse::of)
                .orElseThrow(() -> ProblemException.notFound("No account with id " + id));
    }

    @GET
    @Path("reviews")
    @Operation(operationId = "listMyReviews", summary = "One's own reviews, newest first",
            description = "With status and reasons; keyset paged: follow next until it is null.")
    @APIResponse(responseCode = "200", description = "A page of one's reviews")
    @APIResponse(responseCode = "400", ref = "BadRequest", description = "An invalid limit or cursor")
    public ReviewListResponse mine(
            @Parameter(description = "From the next link of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Reviews per page",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100",
                            defaultValue = "20")) @QueryParam("limit") String limitParam) {
        int limit = QueryParams.integer("limit", limitParam, 20, 1, 100);
        UUID author = AccountId.of(caller);
        return ReviewPaging.page(reviews.byAuthor(author, KeysetCursor.decode(cursor), limit + 1), limit,
                next -> "/me/reviews?limit=" + limit + "&cursor=" + next);
    }
}
