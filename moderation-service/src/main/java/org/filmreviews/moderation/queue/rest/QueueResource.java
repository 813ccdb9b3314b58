package org.filmreviews.moderation.queue.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.filmreviews.moderation.audit.AuditTrail;
import org.filmreviews.moderation.cases.PolicyReason;
import org.filmreviews.moderation.queue.ModerationQueue;
import org.filmreviews.moderation.queue.QueueCursor;
import org.filmreviews.moderation.queue.QueueFilter;
import org.filmreviews.moderation.queue.QueueSlice;
import org.filmreviews.moderation.queue.QueueStatistics;
import org.filmreviews.platform.domain.NotFound;
import org.filmreviews.platform.rest.QueryParams;
import org.filmreviews.platform.security.Roles;

@Path("/moderation")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MODERATOR, Roles.ADMIN})
@SecurityRequirement(name = "bearer", scopes = {Roles.MODERATOR, Roles.ADMIN})
@Tag(name = "Queue", description = "The moderators' queue, statistics, the reasons to reject, and each review's audit trail")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden", description = "Not a moderator or admin")
@APIResponse(responseCode = "503", ref = "ServiceUnavailable")
public class QueueResource {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;

    @Inject
    ModerationQueue queue;

    @Inject
    QueueStatistics statistics;

    @Inject
    AuditTrail audit;

    /**
     * Held, appealed and reported reviews, oldest first. Filters: {@code filmId}, {@code reason} (a finding code),
     * {@code minSpam} and {@code minSpoiler} (0 to 1), {@code appeal} and {@code reported} (true/false);
     * {@code limit} up to 100.
     */
    @GET
    @Path("queue")
    @Operation(operationId = "listQueue", summary = "Cases waiting for a moderator, oldest first",
            description = "Held, appealed and reported reviews, filtered; keyset paged: follow next until it is null.")
    @APIResponse(responseCode = "200", description = "A page of the queue")
    @APIResponse(responseCode = "400", ref = "BadRequest", description = "A filter, limit or cursor that is not understood")
    public QueueResponse queue(
            @Parameter(ref = "filmId") @QueryParam("filmId") String filmId,
            @Parameter(ref = "reason") @QueryParam("reason") String reason,
            @Parameter(ref = "minSpam") @QueryParam("minSpam") String minSpam,
            @Parameter(ref = "minSpoiler") @QueryParam("minSpoiler") String minSpoiler,
            @Parameter(ref = "appeal") @QueryParam("appeal") String appeal,
            @Parameter(ref = "reported") @QueryParam("reported") String reported,
            @Parameter(ref = "cursor") @QueryParam("cursor") String cursor,
            @Parameter(description = "Cases per page",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100",
                            defaultValue = "20")) @QueryParam("limit") String limit) {
        QueueFilter filter = filterOf(filmId, reason, minSpam, minSpoiler, appeal, reported);
        int size = QueryParams.integer("limit", limit, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        QueueCursor after = cursor == null || cursor.isBlank() ? null : QueueCursor.decode(cursor);
        QueueSlice slice = queue.page(filter, after, size);
        return new QueueResponse(slice.items().stream().map(CaseResponse::of).toList(),
                slice.next() == null ? null : nextPath(filter, slice.next(), size));
    }

    /** Queue size and age, verdicts per moderator per day over the last {@code days} (default 7), overturn rate. */
    @GET
    @Path("stats")
    @Operation(operationId = "getStatistics", summary = "Queue and moderation statistics", description = "Queue size and age,"
            + " verdicts per moderator per day, how often moderators overturn the engine, and the engine's thresholds now.")
    @APIResponse(responseCode = "200", description = "The statistics")
    @APIResponse(responseCode = "400", ref = "BadRequest", description = "days out of range")
    public StatsResponse stats(@Parameter(description = "Verdicts of the last this many days", schema = @Schema(
            type = SchemaType.INTEGER, minimum = "1", maximum = "366", defaultValue = "7")) @QueryParam("days") String days) {
        return StatsResponse.of(statistics.now(QueryParams.integer("days", days, 7, 1, 366)));
    }

    /** The reasons a moderator can give to reject or take down a review. */
    @GET
    @Path("reasons")
    @Operation(operationId = "listReasons", summary = "The reasons to reject or take down a review",
            description = "Their codes go in a decision's or a take-down's reason.")
    @APIResponse(responseCode = "200", description = "Every reason, with its code")
    public List<ReasonResponse> reasons() {
        return Arrays.stream(PolicyReason.values()).map(ReasonResponse::of).toList();
    }

    /** Every machine and human action on a review, oldest first. */
    @GET
    @Path("audit")
    @Operation(operationId = "getAuditTrail", summary = "Everything that happened to a review in moderation",
            description = "Every machine and human action, oldest first.")
    @APIResponse(responseCode = "200", description = "The audit trail")
    @APIResponse(responseCode = "400", ref = "BadRequest", description = "No reviewId, or not a UUID")
    @APIResponse(responseCode = "404", ref = "NotFound", description = "No moderation history for this review")
    public AuditResponse audit(
            @Parameter(description = "The review", required = true, schema = @Schema(type = SchemaType.STRING,
                    format = "uuid")) @QueryParam("reviewId") String reviewId) {
        var id = QueryParams.requiredUuid("reviewId", reviewId);
        var entries = audit.of(id);
        if (entries.isEmpty()) {
            throw new NotFound("No moderation history for review " + id);
        }
        return new AuditResponse(id, entries.stream().map(AuditResponse.Entry::of).toList());
    }

    static QueueFilter filterOf(String filmId, String reason, String minSpam, String minSpoiler, String appeal,
            String reported) {
        return QueueFilter.parse(filmId, reason, minSpam, minSpoiler, appeal, reported);
    }

    private static String nextPath(QueueFilter filter, QueueCursor next, int limit) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("filmId", filter.filmId());
        query.put("reason", filter.reason());
        query.put("minSpam", filter.minSpam());
        query.put("minSpoiler", filter.minSpoiler());
        query.put("appeal", filter.appeal());
        query.put("reported", filter.reported());
        query.put("limit", limit);
        query.put("cursor", next.encode());
        return "/moderation/queue?" + query.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().toString(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
