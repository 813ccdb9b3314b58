package org.filmreviews.moderation.decision.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.filmreviews.events.Decision;
import org.filmreviews.moderation.cases.CaseSpan;
import org.filmreviews.moderation.cases.PolicyReason;
import org.filmreviews.moderation.decision.HumanDecision;
import org.filmreviews.moderation.decision.ModeratorDecisions;
import org.filmreviews.moderation.queue.ModerationQueue;
import org.filmreviews.moderation.queue.rest.CaseResponse;
import org.filmreviews.platform.domain.InvalidInput;
import org.filmreviews.platform.domain.NotFound;
import org.filmreviews.platform.idempotency.IdempotentRequests;
import org.filmreviews.platform.security.Caller;
import org.filmreviews.platform.security.Roles;

@Path("/moderation/cases/{reviewId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MODERATOR, Roles.ADMIN})
@SecurityRequirement(name = "bearer", scopes = {Roles.MODERATOR, Roles.ADMIN})
@Tag(name = "Cases",
        description = "One review's case: claiming it, deciding it, taking a published review down and restoring it."
                + " Each answers the case as it is then.")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden", description = "Not a moderator or admin (or, with the console's cookie,"
        + " a change without its X-Requested-By header)")
@APIResponse(responseCode = "404", ref = "NotFound", description = "No moderation case for this review")
@APIResponse(responseCode = "503", ref = "ServiceUnavailable")
public class CaseResource {

    @Inject
    ModerationQueue queue;

    @Inject
    ModeratorDecisions decisions;

    @Inject
    Caller caller;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper mapper;

    /** The case of the latest version of a review. */
    @GET
    @Operation(operationId = "getCase", summary = "A review's case",
            description = "Of its latest version, with readers' reports.")
    @APIResponse(responseCode = "200", description = "The case")
    public CaseResponse get(@Parameter(ref = "reviewId") @PathParam("reviewId") String reviewId) {
        return file(id(reviewId));
    }

    /** Takes the case for a while, so that nobody else decides it meanwhile; again to extend. */
    @POST
    @Path("claim")
    @Operation(operationId = "claimCase", summary = "Claim a case", description = "Nobody else can decide it for a while"
            + " (filmreviews.moderation.claim-duration, 10 minutes); claiming again extends the claim.")
    @APIResponse(responseCode = "200", description = "The case, claimed")
    @APIResponse(responseCode = "409", ref = "Conflict", description = "The case is not waiting for a moderator, the author"
            + " withdrew the review, or someone else claimed it")
    public CaseResponse claim(@Parameter(ref = "reviewId") @PathParam("reviewId") String reviewId) {
        UUID id = id(reviewId);
        decisions.claim(id, caller.username());
        return file(id);
    }

    /** Gives the case back to the queue. */
    @DELETE
    @Path("claim")
    @Operation(operationId = "releaseCase", summary = "Give a claimed case back to the queue")
    @APIResponse(responseCode = "200", description = "The case, not claimed")
    @APIResponse(responseCode = "409", ref = "Conflict", description = "Someone else holds the claim")
    public CaseResponse release(@Parameter(ref = "reviewId") @PathParam("reviewId") String reviewId) {
        UUID id = id(reviewId);
        decisions.release(id, caller.username());
        return file(id);
    }

    /** With an {@code Idempotency-Key}, a retried decision answers like the first instead of 409. */
    @POST
    @Path("decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "decideCase", summary = "Decide a case", description = "APPROVE, APPROVE_SPOILER (optionally"
            + " choosing the sentences to hide) or REJECT with a reason of GET /moderation/reasons. The decision reaches the"
            + " author and the film page through moderation.review-decided.v1. With an Idempotency-Key a retried decision"
            + " answers like the first instead of 409.")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "approve", value = "{\"decision\": \"APPROVE\", \"version\": 1}"),
            @ExampleObject(name = "approve-with-spoiler-warning", value = "{\"decision\": \"APPROVE_SPOILER\","
                    + " \"spoilerSentences\": [{\"start\": 120, \"end\": 188}], \"version\": 1}"),
            @ExampleObject(name = "reject", value = "{\"decision\": \"REJECT\", \"reason\": \"spam\","
                    + " \"note\": \"Links to a streaming offer.\", \"version\": 1}")}))
    @APIResponse(responseCode = "200", description = "The case, decided",
            content = @Content(schema = @Schema(implementation = CaseResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest",
            description = "An invalid decision, reason, note or spoilerSentences")
    @APIResponse(responseCode = "409", ref = "Conflict", description = "Another version is under moderation now, the case was"
            + " decided already, the author withdrew the review, someone else claimed it, or a request with this"
            + " Idempotency-Key is still running")
    @APIResponse(responseCode = "422", ref = "IdempotencyKeyReused")
    public Response decide(@Parameter(ref = "reviewId") @PathParam("reviewId") String reviewId,
            @Valid @NotNull DecisionRequest request,
            @Parameter(ref = IdempotentRequests.HEADER) @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        UUID id = id(reviewId);
        return idempotency.respond(idempotencyKey, caller.username(), "POST decision " + id + " " + json(request), () -> {
            decisions.decide(id, caller.username(), rulingOf(request));
            return Response.ok(file(id)).build();
        });
    }

    /** Takes a published review off the page (a policy violation found later). */
    @POST
    @Path("take-down")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "takeDownReview", summary = "Take a published review off the page",
            description = "For a policy violation found later; the author may appeal.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "take-down",
            value = "{\"reason\": \"abuse\", \"note\": \"Insults another reader.\"}")))
    @APIResponse(responseCode = "200", description = "The case, taken down",
            content = @Content(schema = @Schema(implementation = CaseResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest",
            description = "No reason, one not in the list, or the reason other without a note")
    @APIResponse(responseCode = "409", ref = "Conflict", description = "The review waits in the queue (decide it instead), is"
            + " not published, was withdrawn, or a request with this Idempotency-Key is still running")
    @APIResponse(responseCode = "422", ref = "IdempotencyKeyReused")
    public Response takeDown(@Parameter(ref = "reviewId") @PathParam("reviewId") String reviewId,
            @Valid @NotNull TakeDownRequest request,
            @Parameter(ref = IdempotentRequests.HEADER) @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        UUID id = id(reviewId);
        return idempotency.respond(idempotencyKey, caller.username(), "POST take-down " + id + " " + json(request), () -> {
            decisions.takeDown(id, caller.username(), policyReason(request.reason()), request.note());
            return Response.ok(file(id)).build();
        });
    }

    /** Puts a taken-down review back on the page. */
    @POST
    @Path("restore")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "restoreReview", summary = "Put a taken-down review back on the page",
            description = "As it was published before; the body (a note) is optional.")
    @RequestBody(required = false, content = @Content(examples = @ExampleObject(name = "restore",
            value = "{\"note\": \"Quoted the insult in order to criticise it.\"}")))
    @APIResponse(responseCode = "200", description = "The case, restored",
            content = @Content(schema = @Schema(implementation = CaseResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest", description = "A note over 2,000 characters")
    @APIResponse(responseCode = "409", ref = "Conflict", description = "The review was not taken down, was withdrawn, or a"
            + " request with this Idempotency-Key is still running")
    @APIResponse(responseCode = "422", ref = "IdempotencyKeyReused")
    public Response restore(@Parameter(ref = "reviewId") @PathParam("reviewId") String reviewId, @Valid RestoreRequest request,
            @Parameter(ref = IdempotentRequests.HEADER) @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        UUID id = id(reviewId);
        return idempotency.respond(idempotencyKey, caller.username(), "POST restore " + id + " " + json(request), () -> {
            decisions.restore(id, caller.username(), request == null ? null : request.note());
            return Response.ok(file(id)).build();
        });
    }

    private String json(Object request) {
        try {
            return mapper.writeValueAsString(request);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private CaseResponse file(UUID reviewId) {
        return queue.file(reviewId).map(CaseResponse::of)
                .orElseThrow(() -> new NotFound("No moderation case for review " + reviewId));
    }

    private static UUID id(String reviewId) {
        try {
            return UUID.fromString(reviewId);
        } catch (IllegalArgumentException e) {
            throw new NotFound("No moderation case for review " + reviewId);
        }
    }

    static HumanDecision rulingOf(DecisionRequest request) {
        Decision decision = switch (request.decision()) {
            case APPROVE -> Decision.PUBLISH;
            case APPROVE_SPOILER -> Decision.PUBLISH_SPOILER;
            case REJECT -> Decision.REJECT;
        };
        PolicyReason reason = null;
        String note = request.note();
        if (decision == Decision.REJECT) {
            reason = policyReason(request.reason());
        } else if (request.reason() != null && !request.reason().isBlank()) {
            // an approval's reason is the moderator's own words
            note = note == null || note.isBlank() ? request.reason() : request.reason().strip() + " " + note;
        }
        List<CaseSpan> spans = request.spoilerSentences() == null ? null
                : request.spoilerSentences().stream().map(s -> new CaseSpan(s.start(), s.end())).toList();
        return new HumanDecision(decision, reason, note, spans, request.version());
    }

    static PolicyReason policyReason(String code) {
        if (code == null || code.isBlank()) {
            throw InvalidInput.field("reason", "is required: one of the codes of GET /moderation/reasons");
        }
        return PolicyReason.ofCode(code.strip()).orElseThrow(() -> InvalidInput.field("reason",
                "must be one of " + java.util.Arrays.stream(PolicyReason.values()).map(PolicyReason::code).toList()));
    }
}
