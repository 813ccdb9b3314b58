package org.filmreviews.review.rest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.filmreviews.platform.idempotency.IdempotentRequests;
import org.filmreviews.platform.paging.KeysetCursor;
import org.filmreviews.platform.problem.Problem;
import org.filmreviews.platform.problem.ProblemException;
import org.filmreviews.platform.rest.QueryParams;
import org.filmreviews.platform.security.Caller;
import org.filmreviews.platform.security.Roles;
import org.filmreviews.review.domain.Review;
import org.filmreviews.review.service.review.AppealService;
import org.filmreviews.review.service.review.ReviewService;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A review itself: written, read, edited, withdrawn and appealed by its author; a film's reviews in every state for
 * moderators. Readers' votes and reports are {@link ReviewFeedbackResource}.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ReviewResource.TAG, description = ReviewResource.TAG_DESCRIPTION)
@APIResponse(responseCode = "503", ref = "ServiceUnavailable")
public class ReviewResource {

    /** The one OpenAPI tag of the review resources. */
    static final String TAG = "Reviews";

    static final String TAG_DESCRIPTION = "Writing, editing and withdrawing reviews, votes, readers' reports and appeals; where a"
            + " review stands in moderation";

    private static final String REVIEW_EXAMPLE = "{\"rating\": 8, \"headline\": \"A time loop in Stalin's time\","
            + " \"body\": \"Funny and sad at times. It makes people rethink the past.\", \"spoiler\": false}";

    @Inject
    ReviewService reviews;

    @Inject
    AppealService appeals;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    @POST
    @Path("films/{filmId}/reviews")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REVIEWER)
    @Operation(operationId = "submitReview", summary = "Write a review",
            description = "Accepted for moderation: the decision shows later on GET /reviews/{id}."
                    + " One review per author and film; send an Idempotency-Key to retry safely.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "review", value = REVIEW_EXAMPLE)))
    @APIResponse(responseCode = "202", description = "Accepted; status SUBMITTED",
            headers = {@Header(name = "Location", ref = "ReviewLocation"), @Header(name = "ETag", ref = "ReviewVersion")},
            content = @Content(schema = @Schema(implementation = ReviewResponse.class),
                    examples = @ExampleObject(name = "accepted", value = "{\"id\": \"9b7a3c1e-2d4f-4e6a-8b0c-1d2e3f4a5b6c\","
                            + " \"version\": 1, \"status\": \"SUBMITTED\", \"reasons\": []}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden", description = "Not a reviewer, or the account no longer exists")
    @APIResponse(responseCode = "404", ref = "NotFound",
            description = "No film with this id takes reviews (unknown or retired)")
    @APIResponse(responseCode = "409", description = "The author already reviewed this film (Location names that review: edit"
            + " it instead), or a request with this Idempotency-Key is still running (Retry-After)",
            headers = @Header(name = "Location", description = "The author's review of this film",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", ref = "IdempotencyKeyReused")
    @APIResponse(responseCode = "429", ref = "TooManyRequests", description = "More than 10 reviews and edits in 10 minutes"
            + " (filmreviews.reviews.rate-limit.*)")
    public Response submit(@Parameter(description = "The film, as catalog-service lists it") @PathParam("filmId") UUID filmId,
            @Valid @NotNull ReviewRequest request,
            @Parameter(ref = IdempotentRequests.HEADER) @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        UUID author = AccountId.of(caller);
        return idempotency.respond(idempotencyKey, author.toString(),
                "POST /films/" + filmId + "/reviews " + RequestFingerprint.of(json, request), () -> {
                    Review review = reviews.submit(author, filmId, request.toDraft());
                    return accepted(review);
                });
    }

    /** Published reviews are public; others only for their author and moderators. */
    @GET
    @Path("reviews/{id}")
    @PermitAll
    @Operation(operationId = "getReview", summary = "A review and where it stands in moderation",
            description = "Published reviews are public;"
                    + " others only for their author and moderators. The ETag is the review version, for If-Match on PUT.")
    @SecurityRequirementsSet
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "The review", headers = @Header(name = "ETag", ref = "ReviewVersion"),
            content = @Content(schema = @Schema(implementation = ReviewResponse.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized",
            description = "A token was sent for a review not published, and it is not valid")
    @APIResponse(responseCode = "404", ref = "NotFound", description = "No review with this id, or not one the caller may see")
    public Response get(@Parameter(description = "The review") @PathParam("id") UUID id) {
        Review review = reviews.find(id).filter(this::visibleToCaller)
                .orElseThrow(() -> ProblemException.notFound("No review with id " + id));
        return Response.ok(ReviewResponse.of(review)).header(HttpHeaders.ETAG, etag(review)).build();
    }

    @PUT
    @Path("reviews/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REVIEWER)
    @Operation(operationId = "editReview", summary = "Edit one's review",
            description = "A new version goes through moderation again; the published"
                    + " version stays on the film page until it is decided. If-Match: the version edited.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "review", value = REVIEW_EXAMPLE)))
    @APIResponse(responseCode = "202", description = "Accepted: the new version, status SUBMITTED",
            headers = {@Header(name = "Location", ref = "ReviewLocation"), @Header(name = "ETag", ref = "ReviewVersion")},
            content = @Content(schema = @Schema(implementation = ReviewResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest", description = "An invalid body, If-Match or Idempotency-Key")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden", description = "Not the author's review, or not a reviewer")
    @APIResponse(responseCode = "404", ref = "NotFound", description = "No review with this id")
    @APIResponse(responseCode = "409", ref = "Conflict",
            description = "The review was withdrawn (write a new one), or a request"
                    + " with this Idempotency-Key is still running")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed", description = "If-Match is not the current version; the"
            + " ETag header gives the current one")
    @APIResponse(responseCode = "422", ref = "IdempotencyKeyReused")
    @APIResponse(responseCode = "429", ref = "TooManyRequests", description = "More than 10 reviews and edits in 10 minutes")
    public Response edit(@Parameter(description = "The review") @PathParam("id") UUID id, @Valid @NotNull ReviewRequest request,
            @Parameter(description = "The version edited, as the ETag gave it (\"3\"); without it the edit applies to whatever"
                    + " version is current", example = "\"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(ref = IdempotentRequests.HEADER) @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        UUID author = AccountId.of(caller);
        Long expected = versionOf(ifMatch);
        return idempotency.respond(idempotencyKey, author.toString(),
                "PUT /reviews/" + id + " " + ifMatch + " " + RequestFingerprint.of(json, request),
                () -> accepted(reviews.edit(author, id, expected, request.toDraft())));
    }

    @DELETE
    @Path("reviews/{id}")
    @RolesAllowed(Roles.REVIEWER)
    @Operation(operationId = "withdrawReview", summary = "Withdraw one's review",
            description = "It leaves the film page and its words are erased; withdrawing twice is withdrawing once.")
    @APIResponse(responseCode = "204", description = "Withdrawn")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden", description = "Not the author's review, or not a reviewer")
    @APIResponse(responseCode = "404", ref = "NotFound", description = "No review with this id")
    public Response withdraw(@Parameter(description = "The review") @PathParam("id") UUID id) {
        reviews.withdraw(AccountId.of(caller), id);
        return Response.noContent().build();
    }

    @POST
    @Path("reviews/{id}/appeal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REVIEWER)
    @Operation(operationId = "appealReview", summary = "Appeal a rejection",
            description = "Once per review; a moderator decides and the status follows.")
    @RequestBody(required = false, content = @Content(examples = @ExampleObject(name = "appeal",
            value = "{\"message\": \"It is a review of the film, not an advertisement.\"}")))
    @APIResponse(responseCode = "202", description = "Accepted: status IN_REVIEW until a moderator decides",
            headers = {@Header(name = "Location", ref = "ReviewLocation"), @Header(name = "ETag", ref = "ReviewVersion")},
            content = @Content(schema = @Schema(implementation = ReviewResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden", description = "Not the author's review, or not a reviewer")
    @APIResponse(responseCode = "404", ref = "NotFound", description = "No review with this id")
    @APIResponse(responseCode = "409", ref = "Conflict", description = "The review is not rejected, or was appealed already,"
            + " or a request with this Idempotency-Key is still running")
    @APIResponse(responseCode = "422", ref = "IdempotencyKeyReused")
    public Response appeal(@Parameter(description = "The review") @PathParam("id") UUID id, @Valid AppealRequest request,
            @Parameter(ref = IdempotentRequests.HEADER) @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        UUID author = AccountId.of(caller);
        String message = request == null ? null : request.message();
        return idempotency.respond(idempotencyKey, author.toString(), "POST /reviews/" + id + "/appeal " + message,
                () -> accepted(appeals.appeal(author, id, message)));
    }

    @GET
    @Path("films/{filmId}/reviews")
    @RolesAllowed({Roles.MODERATOR, Roles.ADMIN})
    @Operation(operationId = "listFilmReviews", summary = "A film's reviews in every state, for moderation and support",
            description = "Optionally of one author (user name). Newest first, keyset paged: follow next until it is null.")
    @APIResponse(responseCode = "200", description = "A page of reviews")
    @APIResponse(responseCode = "400", ref = "BadRequest", description = "An invalid limit, cursor or author")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden", description = "Not a moderator or admin")
    public ReviewListResponse byFilm(@Parameter(description = "The film") @PathParam("filmId") UUID filmId,
            @Parameter(description = "Only this author's reviews (user name)") @QueryParam("author") @Size(
                    max = 32) String author,
            @Parameter(description = "From the next link of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Reviews per page",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100",
                            defaultValue = "20")) @QueryParam("limit") String limitParam) {
        int limit = QueryParams.integer("limit", limitParam, 20, 1, 100);
        // the author goes back into the next link encoded: "a&limit=1" is a name, not two parameters
        return ReviewPaging.page(reviews.byFilm(filmId, author, KeysetCursor.decode(cursor), limit + 1), limit,
                next -> "/films/" + filmId + "/reviews?limit=" + limit
                        + (author == null ? "" : "&author=" + URLEncoder.encode(author, StandardCharsets.UTF_8)) + "&cursor="
                        + next);
    }

    private Response accepted(Review review) {
        return Response.accepted(ReviewResponse.of(review)).location(URI.create("/reviews/" + review.id))
                .header(HttpHeaders.ETAG, etag(review)).build();
    }

    private boolean visibleToCaller(Review review) {
        return review.status.isPublic()
                || caller.subject().filter(review.authorId.toString()::equals).isPresent()
                || caller.isStaff();
    }

    private static String etag(Review review) {
        return "\"" + review.version + "\"";
    }

    /** {@code If-Match: "3"} (or W/"3", or 3): the version the author edited. */
    private static Long versionOf(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        try {
            return Long.parseLong(ifMatch.trim().replaceFirst("^W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("If-Match", "must be a version as given in the ETag, for example \"3\"");
        }
    }
}
