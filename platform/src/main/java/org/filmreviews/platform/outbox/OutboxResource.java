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
import org.filmreviews.platform.problem.ProblemException;
import org.filmreviews.platform.security.Roles;

/** Parked outbox rows for operators: what failed and why, and their release after the fix. */
@Path("/admin/outbox/parked")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class OutboxResource {

    @Inject
    OutboxParking parking;

    @GET
    @Operation(summary = "Outbox events parked after failing again and again", description = "Oldest first, with the last error.")
    public List<OutboxParking.Parked> parked(@QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return parking.parked(limit);
    }

    @POST
    @Path("release")
    @Operation(summary = "Release every parked event", description = "The relay tries them again, after the events written since.")
    public Map<String, Integer> releaseAll() {
        return Map.of("released", parking.release(null));
    }

    @POST
    @Path("{id}/release")
    @Operation(summary = "Release one parked event")
    public Map<String, Integer> release(@PathParam("id") UUID id) {
        int released = parking.release(id);
        if (released == 0) {
            throw ProblemException.notFound("No parked outbox event " + id);
        }
        return Map.of("released", released);
    }
}
