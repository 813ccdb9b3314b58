package org.filmreviews.platform.deadletter;

import java.util.List;
import java.util.Map;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.apache.kafka.common.KafkaException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.filmreviews.platform.problem.ProblemException;
import org.filmreviews.platform.security.Roles;

import io.smallrye.common.annotation.Blocking;

/** The service's dead letters for operators: how many wait, what they are, and the re-drive after a fix. */
@Path("/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "bearer", scopes = Roles.ADMIN)
@Blocking
@Tag(name = "Dead letters (operators)", description = "Events this service could never process, per input, and their"
        + " re-drive into this service after a fix. Admin only.")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden", description = "Not an admin")
@APIResponse(responseCode = "503", ref = "ServiceUnavailable", description = "Kafka cannot be reached now (Retry-After: 10)")
public class DeadLetterResource {

    /** A dead-letter topic and its waiting letters. */
    public record Topic(String topic, long waiting) {
    }

    @Inject
    DeadLetterRedrive redrive;

    @GET
    @Operation(operationId = "listDeadLetterTopics", summary = "Dead letters waiting per input",
            description = "One dead-letter topic per input of this service.")
    @APIResponse(responseCode = "200", description = "Each dead-letter topic of this service and how many letters wait in it")
    public List<Topic> list() {
        Map<String, Long> waiting = brokerCall(redrive::count);
        return waiting.entrySet().stream().map(e -> new Topic(e.getKey(), e.getValue())).toList();
    }

    @GET
    @Path("{topic}")
    @Operation(operationId = "peekDeadLetters", summary = "The next dead letters a re-drive would take",
            description = "With the reason each one failed.")
    @APIResponse(responseCode = "200", description = "The letters, oldest first")
    @APIResponse(responseCode = "400", ref = "BadRequest", description = "limit out of range")
    @APIResponse(responseCode = "404", ref = "NotFound", description = "Not a dead-letter topic of this service")
    public List<DeadLetterRedrive.Letter> peek(
            @Parameter(description = "A dead-letter topic of this service, as GET /admin/dead-letters lists them",
                    example = "catalog-service.moderation.review-decided.v1.dlq") @PathParam("topic") String topic,
            @Parameter(
                    description = "At most this many") @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(500) int limit) {
        requireKnown(topic);
        return brokerCall(() -> redrive.peek(topic, limit));
    }

    @POST
    @Path("{topic}/redrive")
    @Operation(operationId = "redriveDeadLetters", summary = "Re-drive the waiting dead letters",
            description = "Applies each letter again in this service only;"
                    + " an event applied before changes nothing (inbox). Letters that fail again go back to the end of the topic.")
    @APIResponse(responseCode = "200", description = "What the re-drive did")
    @APIResponse(responseCode = "404", ref = "NotFound", description = "Not a dead-letter topic of this service")
    @APIResponse(responseCode = "409", ref = "Conflict",
            description = "A re-drive is running on this instance (Retry-After: 5)")
    public DeadLetterRedrive.Result redrive(
            @Parameter(description = "A dead-letter topic of this service, as GET /admin/dead-letters lists them",
                    example = "catalog-service.moderation.review-decided.v1.dlq") @PathParam("topic") String topic) {
        requireKnown(topic);
        return brokerCall(() -> redrive.redrive(topic)).orElseThrow(
                () -> ProblemException.conflict("A re-drive is running on this instance; try again when it is done.")
                        .withHeaders(Map.of(HttpHeaders.RETRY_AFTER, "5")));
    }

    private void requireKnown(String topic) {
        if (!redrive.knows(topic)) {
            throw ProblemException.notFound("No dead-letter topic " + topic + " here; GET /admin/dead-letters lists them.");
        }
    }

    private static <T> T brokerCall(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (KafkaException e) {
            throw new ProblemException(503, org.filmreviews.platform.problem.Problem.TYPE_BASE + "broker-unavailable",
                    "Service Unavailable", "Kafka cannot be reached now: " + e.getMessage(), null,
                    Map.of(HttpHeaders.RETRY_AFTER, "10"));
        }
    }
}
