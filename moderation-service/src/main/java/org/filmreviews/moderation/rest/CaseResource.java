package org.filmreviews.moderation.rest;

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

import org.filmreviews.events.Decision;
import org.filmreviews.moderation.domain.CaseSpan;
import org.filmreviews.moderation.domain.PolicyReason;
import org.filmreviews.moderation.service.HumanDecision;
import org.filmreviews.moderation.service.ModerationQueue;
import org.filmreviews.moderation.service.ModeratorDecisions;
import org.filmreviews.platform.idempotency.IdempotentRequests;
import org.filmreviews.platform.problem.ProblemException;
import org.filmreviews.platform.security.Caller;
import org.filmreviews.platform.security.Roles;

@Path("/moderation/cases/{reviewId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.MODERATOR, Roles.ADMIN })
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
    public CaseResponse get(@PathParam("reviewId") String reviewId) {
        return file(id(reviewId));
    }

    /** Takes the case for a while, so that nobody else decides it meanwhile; again to extend. */
    @POST
    @Path("claim")
    public CaseResponse claim(@PathParam("reviewId") String reviewId) {
        UUID id = id(reviewId);
        decisions.claim(id, caller.username());
        return file(id);
    }

    /** Gives the case back to the queue. */
    @DELETE
    @Path("claim")
    public CaseResponse release(@PathParam("reviewId") String reviewId) {
        UUID id = id(reviewId);
        decisions.release(id, caller.username());
        return file(id);
    }

    /** With an {@code Idempotency-Key}, a retried decision answers like the first instead of 409. */
    @POST
    @Path("decision")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response decide(@PathParam("reviewId") String reviewId, @Valid @NotNull DecisionRequest request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
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
    public Response takeDown(@PathParam("reviewId") String reviewId, @Valid @NotNull TakeDownRequest request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
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
    public Response restore(@PathParam("reviewId") String reviewId, @Valid RestoreRequest request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
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
                .orElseThrow(() -> ProblemException.notFound("No moderation case for review " + reviewId));
    }

    private static UUID id(String reviewId) {
        try {
            return UUID.fromString(reviewId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No moderation case for review " + reviewId);
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
            throw ProblemException.invalidField("reason", "is required: one of the codes of GET /moderation/reasons");
        }
        return PolicyReason.ofCode(code.strip()).orElseThrow(() -> ProblemException.invalidField("reason",
                "must be one of " + java.util.Arrays.stream(PolicyReason.values()).map(PolicyReason::code).toList()));
    }
}
