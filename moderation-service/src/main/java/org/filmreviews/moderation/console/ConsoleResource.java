package org.filmreviews.moderation.console;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.filmreviews.moderation.audit.AuditTrail;
import org.filmreviews.moderation.cases.PolicyReason;
import org.filmreviews.moderation.queue.CaseFile;
import org.filmreviews.moderation.queue.ModerationQueue;
import org.filmreviews.moderation.queue.QueueStatistics;
import org.filmreviews.moderation.queue.rest.ReasonResponse;
import org.filmreviews.platform.security.Caller;

import io.quarkus.security.AuthenticationFailedException;

/**
 * The moderators' console: server-rendered pages (Qute escapes every value), a little script for keys,
 * claims, decisions and live queue updates. Decisions go through the same JSON API as any other client.
 * Signing in and out is {@link ConsoleSignInResource}'s.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Console", description = "The moderators' console: HTML pages for a browser, not an API for programs. It signs in"
        + " with a form and keeps the token in an HttpOnly cookie; its script decides cases through the Cases API.")
@SecurityRequirementsSet
@SecurityRequirement(name = "console-session")
public class ConsoleResource {

    @Inject
    Caller caller;

    @Inject
    ModerationQueue queue;

    @Inject
    ConsoleQueue queuePages;

    @Inject
    QueueStatistics statistics;

    @Inject
    AuditTrail audit;

    @Inject
    ConsoleConfig config;

    @GET
    @Operation(operationId = "consoleQueuePage", summary = "The console: the queue page",
            description = "The sign-in form instead when nobody is signed in. A filter that is not understood shows every case.")
    @APIResponse(responseCode = "200", description = "The queue page, or the sign-in form",
            content = @Content(schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "401", description = "The session ended: the sign-in form, and the cookie cleared",
            content = @Content(schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "403", description = "Signed in, but not as a moderator or admin",
            content = @Content(schema = @Schema(type = SchemaType.STRING)))
    public Response queuePage(@Parameter(ref = "filmId") @QueryParam("filmId") String filmId,
            @Parameter(ref = "reason") @QueryParam("reason") String reason,
            @Parameter(ref = "minSpam") @QueryParam("minSpam") String minSpam,
            @Parameter(ref = "minSpoiler") @QueryParam("minSpoiler") String minSpoiler,
            @Parameter(ref = "appeal") @QueryParam("appeal") String appeal,
            @Parameter(ref = "reported") @QueryParam("reported") String reported,
            @Parameter(ref = "cursor") @QueryParam("cursor") String cursor,
            @Parameter(description = "true: say that the queue is clear",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("cleared") String cleared) {
        Optional<Response> refused = refuseUnlessStaff();
        if (refused.isPresent()) {
            return refused.get();
        }
        ConsoleViews.QueuePage page = queuePages.page(caller.username(), filmId, reason, minSpam, minSpoiler, appeal, reported,
                cursor, "true".equals(cleared) ? "The queue is clear: no case is waiting for you." : null, true);
        return Response.ok(ConsoleTemplates.queue(page)).build();
    }

    /** The rows of the queue alone, for the page's live updates; the size goes in a header. */
    @GET
    @Path("queue-rows")
    @Operation(operationId = "consoleQueueRows", summary = "The console: the queue's rows alone",
            description = "An HTML fragment, for the queue page's live updates.")
    @APIResponse(responseCode = "200", description = "The rows",
            headers = {
                    @Header(name = "X-Queue-Size", description = "Cases waiting in all",
                            schema = @Schema(type = SchemaType.INTEGER)),
                    @Header(name = "X-Queue-Shown", description = "Rows in this fragment",
                            schema = @Schema(type = SchemaType.INTEGER))},
            content = @Content(schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "401", description = "Not signed in as a moderator or admin (no body)")
    public Response queueRows(@Parameter(ref = "filmId") @QueryParam("filmId") String filmId,
            @Parameter(ref = "reason") @QueryParam("reason") String reason,
            @Parameter(ref = "minSpam") @QueryParam("minSpam") String minSpam,
            @Parameter(ref = "minSpoiler") @QueryParam("minSpoiler") String minSpoiler,
            @Parameter(ref = "appeal") @QueryParam("appeal") String appeal,
            @Parameter(ref = "reported") @QueryParam("reported") String reported,
            @Parameter(ref = "cursor") @QueryParam("cursor") String cursor) {
        if (staffUser().isEmpty()) {
            return Response.status(Response.Status.UNAUTHORIZED).build();
        }
        ConsoleViews.QueuePage page = queuePages.page(caller.username(), filmId, reason, minSpam, minSpoiler, appeal, reported,
                cursor, null, false);
        return Response.ok(ConsoleTemplates.queue$rows(page))
                .header("X-Queue-Size", statistics.queueSize())
                .header("X-Queue-Shown", page.rows().size())
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("cases/{reviewId}")
    @Operation(operationId = "consoleCasePage", summary = "The console: a case's page",
            description = "The review, the engine's findings, readers' reports, the audit trail and the decision form.")
    @APIResponse(responseCode = "200", description = "The case page, or the sign-in form",
            content = @Content(schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "401", description = "The session ended: the sign-in form",
            content = @Content(schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "403", description = "Not a moderator or admin",
            content = @Content(schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No case for this review",
            content = @Content(schema = @Schema(type = SchemaType.STRING)))
    public Response casePage(@Parameter(ref = "reviewId") @PathParam("reviewId") String reviewId) {
        Optional<Response> refused = refuseUnlessStaff();
        if (refused.isPresent()) {
            return refused.get();
        }
        String user = caller.username();
        UUID id;
        try {
            id = UUID.fromString(reviewId.strip());
        } catch (IllegalArgumentException e) {
            return Response.status(Response.Status.NOT_FOUND).entity(ConsoleTemplates.missing(user, reviewId)).build();
        }
        Optional<CaseFile> file = queue.file(id);
        if (file.isEmpty()) {
            return Response.status(Response.Status.NOT_FOUND).entity(ConsoleTemplates.missing(user, reviewId)).build();
        }
        Instant now = Instant.now();
        ConsoleViews.CasePage page = new ConsoleViews.CasePage(user, ConsoleViews.caseView(file.get(), now),
                audit.of(id).stream().map(ConsoleViews::auditLine).toList(),
                Arrays.stream(PolicyReason.values()).map(ReasonResponse::of).toList(), statistics.queueSize());
        return Response.ok(ConsoleTemplates.caseFile(page)).header("Cache-Control", "no-store").build();
    }

    /**
     * The oldest case nobody else is working on (other than the one just skipped), or the queue with a
     * note that it is clear.
     */
    @GET
    @Path("next")
    @Operation(operationId = "consoleNextCase", summary = "The console: on to the next case",
            description = "The oldest case nobody else is working on, other than the one skipped.")
    @APIResponse(responseCode = "303", description = "To that case's page, or to the queue page saying that it is clear",
            headers = @Header(name = "Location", description = "/console/cases/{reviewId} or /console?cleared=true",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "200", description = "The sign-in form",
            content = @Content(schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "401", description = "The session ended: the sign-in form",
            content = @Content(schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "403", description = "Not a moderator or admin",
            content = @Content(schema = @Schema(type = SchemaType.STRING)))
    public Response next(
            @Parameter(description = "The review just skipped",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("skip") String skip) {
        Optional<Response> refused = refuseUnlessStaff();
        if (refused.isPresent()) {
            return refused.get();
        }
        return queue.nextFor(caller.username(), skipped(skip))
                .map(id -> Response.seeOther(URI.create("/console/cases/" + id)).build())
                .orElseGet(() -> Response.seeOther(URI.create("/console?cleared=true")).build());
    }

    /** Lookup box: a review id typed or pasted by the moderator. */
    @GET
    @Path("find")
    @Operation(operationId = "consoleFindCase", summary = "The console: look a review up by id")
    @APIResponse(responseCode = "303", description = "To the case's page (or the queue page when no id was given)",
            headers = @Header(name = "Location", description = "/console/cases/{reviewId} or /console",
                    schema = @Schema(type = SchemaType.STRING)))
    public Response find(@Parameter(description = "A review id, typed or pasted") @QueryParam("reviewId") String reviewId) {
        String id = reviewId == null ? "" : reviewId.strip();
        if (id.isEmpty()) {
            return Response.seeOther(URI.create("/console")).build();
        }
        return Response.seeOther(URI.create("/console/cases/" + URLEncoder.encode(id, StandardCharsets.UTF_8))).build();
    }

    /** The review just skipped; an id that is not one skips nothing. */
    private static UUID skipped(String skip) {
        if (skip == null || skip.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(skip.strip());
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    /** The signed-in moderator or admin, if any; a token that no longer verifies counts as signed out. */
    private Optional<String> staffUser() {
        try {
            return caller.isStaff() ? Optional.ofNullable(caller.username()) : Optional.empty();
        } catch (AuthenticationFailedException expired) {
            return Optional.empty();
        }
    }

    private Optional<Response> refuseUnlessStaff() {
        boolean anonymous;
        try {
            anonymous = caller.isAnonymous();
        } catch (AuthenticationFailedException expired) {
            return Optional.of(Response.status(Response.Status.UNAUTHORIZED).entity(ConsoleTemplates.signIn(
                    "Your session has ended; please sign in again.", ""))
                    .cookie(ConsoleSession.cookie("", 0, config.secureCookie())).build());
        }
        if (anonymous) {
            return Optional.of(Response.ok(ConsoleTemplates.signIn(null, "")).build());
        }
        if (!caller.isStaff()) {
            return Optional.of(
                    Response.status(Response.Status.FORBIDDEN).entity(ConsoleTemplates.forbidden(caller.username())).build());
        }
        return Optional.empty();
    }
}
