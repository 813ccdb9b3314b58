package org.filmreviews.review.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.filmreviews.platform.idempotency.IdempotentRequests;
import org.filmreviews.platform.security.Caller;
import org.filmreviews.platform.security.Roles;
import org.filmreviews.platform.throttle.ClientAddress;
import org.filmreviews.review.service.feedback.ReportService;
import org.filmreviews.review.service.feedback.VoteService;
import org.filmreviews.review.service.throttle.AccessThrottles;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;

/**
 * What readers say of a published review: their helpful / not helpful votes and their reports to moderators.
 * The review itself, its author's edits and appeals are {@link ReviewResource}.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ReviewResource.TAG, description = ReviewResource.TAG_DESCRIPTION)
@APIResponse(responseCode = "503", ref = "ServiceUnavailable")
public class ReviewFeedbackResource {

    @Inject
    VoteService votes;

    @Inject
    ReportService reports;

    @Inject
    AccessThrottles throttles;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    @PUT
    @Path("reviews/{id}/vote")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(operationId = "voteOnReview", summary = "Vote a published review helpful or not",
            description = "Once per person, changeable; not on one's own review.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "helpful", value = "{\"helpful\": true}")))
    @APIResponse(responseCode = "200", description = "The review's votes now",
            content = @Content(schema = @Schema(implementation = VoteService.Totals.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden", description = "One's own review, or the account no longer exists")
    @APIResponse(responseCode = "404", ref = "NotFound", description = "No published review with this id")
    @APIResponse(responseCode = "409", ref = "Conflict", description = "A request with this Idempotency-Key is still running")
    @APIResponse(responseCode = "422", ref = "IdempotencyKeyReused")
    @APIResponse(responseCode = "429", ref = "TooManyRequests", description = "More than 60 vote changes in 10 minutes from the"
            + " account, or 300 a minute from the address")
    public Response vote(@Parameter(description = "The review") @PathParam("id") UUID id, @Valid @NotNull VoteRequest request,
            @Parameter(ref = IdempotentRequests.HEADER) @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Context HttpServerRequest http) {
        UUID voter = AccountId.of(caller);
        throttles.beforeVote(ClientAddress.of(http));
        return idempotency.respond(idempotencyKey, voter.toString(), "PUT /reviews/" + id + "/vote " + request.helpful(),
                () -> Response.ok(votes.vote(voter, id, request.helpful())).build());
    }

    @DELETE
    @Path("reviews/{id}/vote")
    @Authenticated
    @Operation(operationId = "withdrawVote", summary = "Take one's vote back")
    @APIResponse(responseCode = "200", description = "The review's votes now")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden", description = "One's own review, or the account no longer exists")
    @APIResponse(responseCode = "404", ref = "NotFound", description = "No published review with this id")
    @APIResponse(responseCode = "429", ref = "TooManyRequests", description = "Too many vote changes (as for PUT)")
    public VoteService.Totals unvote(@Parameter(description = "The review") @PathParam("id") UUID id,
            @Context HttpServerRequest http) {
        throttles.beforeVote(ClientAddress.of(http));
        return votes.unvote(AccountId.of(caller), id);
    }

    @PUT
    @Path("reviews/{id}/report")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REVIEWER, Roles.MODERATOR, Roles.ADMIN})
    @Operation(operationId = "reportReview", summary = "Report a review on its film page",
            description = "As a spoiler, spam or abuse, with an optional note."
                    + " One report per reader and review: reporting again changes one's reason or note. Not one's own review."
                    + " Answers the review's report totals.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "report",
            value = "{\"reason\": \"spoiler\", \"note\": \"The second paragraph tells the ending.\"}")))
    @APIResponse(responseCode = "200", description = "The review's reports per reason",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT, properties = {
                    @SchemaProperty(name = "spoiler", type = SchemaType.INTEGER),
                    @SchemaProperty(name = "spam", type = SchemaType.INTEGER),
                    @SchemaProperty(name = "abuse", type = SchemaType.INTEGER)}),
                    examples = @ExampleObject(name = "totals", value = "{\"spoiler\": 2, \"spam\": 0, \"abuse\": 0}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden", description = "One's own review, or the account no longer exists")
    @APIResponse(responseCode = "404", ref = "NotFound", description = "No review with this id is on a film page")
    @APIResponse(responseCode = "409", ref = "Conflict", description = "A request with this Idempotency-Key is still running")
    @APIResponse(responseCode = "422", ref = "IdempotencyKeyReused")
    @APIResponse(responseCode = "429", ref = "TooManyRequests", description = "More than 20 reports in 10 minutes"
            + " (filmreviews.reports.rate-limit.*)")
    public Response report(@Parameter(description = "The review") @PathParam("id") UUID id,
            @Valid @NotNull ReportRequest request,
            @Parameter(ref = IdempotentRequests.HEADER) @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        UUID reader = AccountId.of(caller);
        return idempotency.respond(idempotencyKey, reader.toString(),
                "PUT /reviews/" + id + "/report " + RequestFingerprint.of(json, request),
                () -> Response.ok(reports.report(reader, id, request.reason(), request.note())).build());
    }
}
