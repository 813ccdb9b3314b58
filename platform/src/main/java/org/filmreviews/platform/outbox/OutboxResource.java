package org.filmreviews.platform.outbox;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.filmreviews.platform.problem.ProblemException;
import org.filmreviews.platform.security.Roles;

/** Parked outbox rows for operators: what failed and why, and their release after the fix. */
@Path("/admin/outbox/parked")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "bearer", scopes = Roles.ADMIN)
@Tag(name = "Outbox (operators)", description = "Events the outbox relay parked because the broker refused them again and"
        + " again, and their release after a fix. Admin only.")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden", description = "Not an admin")
@APIResponse(responseCode = "503", ref = "ServiceUnavailable")
public class OutboxResource {

    @Inject
    OutboxParking parking;

    @GET
    @Operation(operationId = "listParkedOutboxEvents", summary = "Outbox events parked after failing again and again",
            description = "Oldest first, with the last error.")
    @APIResponse(responseCode = "200", description = "The parked events")
    @APIResponse(responseCode = "400", ref = "BadRequest", description = "limit out of range")
    public List<OutboxParking.Parked> parked(
            @Parameter(
                    description = "At most this many") @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return parking.parked(limit);
    }

    @POST
    @Path("release")
    @Operation(operationId = "releaseParkedOutboxEvents", summary = "Release every parked event",
            description = "The relay tries them again, after the events written since.")
    @APIResponse(responseCode = "200", description = "How many were released: {\"released\": n}")
    public Map<String, Integer> releaseAll() {
        return Map.of("released", parking.release(null));
    }

    @POST
    @Path("{id}/release")
    @Operation(operationId = "releaseParkedOutboxEvent", summary = "Release one parked event")
    @APIResponse(responseCode = "200", description = "Released: {\"released\": 1}")
    @APIResponse(responseCode = "404", ref = "NotFound", description = "No parked event with this id")
    public Map<String, Integer> release(@Parameter(description = "The parked event's id") @PathParam("id") UUID id) {
        int released = parking.release(id);
        if (released == 0) {
            throw ProblemException.notFound("No parked outbox event " + id);
        }
        return Map.of("released", released);
    }
}
