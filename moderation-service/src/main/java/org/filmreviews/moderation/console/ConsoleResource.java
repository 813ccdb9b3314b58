package org.filmreviews.moderation.console;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.filmreviews.moderation.audit.AuditTrail;
import org.filmreviews.moderation.cases.PolicyReason;
import org.filmreviews.moderation.queue.CaseFile;
import org.filmreviews.moderation.queue.ModerationQueue;
import org.filmreviews.moderation.queue.QueueCursor;
import org.filmreviews.moderation.queue.QueueFacets;
import org.filmreviews.moderation.queue.QueueFilter;
import org.filmreviews.moderation.queue.QueueSlice;
import org.filmreviews.moderation.queue.QueueStatistics;
import org.filmreviews.moderation.queue.rest.ReasonResponse;
import org.filmreviews.platform.domain.DomainException;
import org.filmreviews.platform.problem.ProblemException;
import org.filmreviews.platform.security.Caller;
import org.filmreviews.platform.throttle.ClientAddress;
import org.filmreviews.platform.throttle.Throttle;
import org.filmreviews.platform.throttle.ThrottleLimit;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.http.HttpServerRequest;

/**
 * The moderators' console: server-rendered pages (Qute escapes every value), a little script for keys,
 * claims, decisions and live queue updates. Decisions go through the same JSON API as any other client.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Console", description = "The moderators' console: HTML pages for a browser, not an API for programs. It signs in"
        + " with a form and keeps the token in an HttpOnly cookie; its script decides cases through the Cases API.")
@SecurityRequirementsSet
@SecurityRequirement(name = "console-session")
public class ConsoleResource {

    static final int PAGE_SIZE = 50;

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance signIn(String error, String username);

        static native TemplateInstance forbidden(String user);

        static native TemplateInstance missing(String user, String reviewId);

        static native TemplateInstance queue(ConsoleViews.QueuePage page);

        static native TemplateInstance queue$rows(ConsoleViews.QueuePage page);

        static native TemplateInstance caseFile(ConsoleViews.CasePage page);
    }

    @Inject
    Caller caller;

    @Inject
    ConsoleSignIn signIn;

    @Inject
    Throttle throttle;

    @Inject
    ConsoleThrottleConfig throttles;

    @Inject
    ModerationQueue queue;

    @Inject
    QueueStatistics statistics;

    @Inject
    AuditTrail audit;

    @ConfigProperty(name = "filmreviews.console.secure-cookie")
    boolean secureCookie;

    @ConfigProperty(name = "filmreviews.console.refresh-every")
    Duration refreshEvery;

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
            @Parameter(description = "true: say that the queue is clear", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("cleared") String cleared) {
        Optional<Response> refused = refuseUnlessStaff();
        if (refused.isPresent()) {
            return refused.get();
        }
        ConsoleViews.QueuePage page = queueView(filmId, reason, minSpam, minSpoiler, appeal, reported, cursor,
                "true".equals(cleared) ? "The queue is clear: no case is waiting for you." : null, true);
        return Response.ok(Templates.queue(page)).build();
    }

    /** The rows of the queue alone, for the page's live updates; the size goes in a header. */
    @GET
    @Path("queue-rows")
    @Operation(operationId = "consoleQueueRows", summary = "The console: the queue's rows alone",
            description = "An HTML fragment, for the queue page's live updates.")
    @APIResponse(responseCode = "200", description = "The rows",
            headers = {
                @Header(name = "X-Queue-Size", description = "Cases waiting in all", schema = @Schema(type = SchemaType.INTEGER)),
                @Header(name = "X-Queue-Shown", description = "Rows in this fragment", schema = @Schema(type = SchemaType.INTEGER)) },
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
        ConsoleViews.QueuePage page = queueView(filmId, reason, minSpam, minSpoiler, appeal, reported, cursor, null, false);
        return Response.ok(Templates.queue$rows(page))
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
            return Response.status(Response.Status.NOT_FOUND).entity(Templates.missing(user, reviewId)).build();
        }
        Optional<CaseFile> file = queue.file(id);
        if (file.isEmpty()) {
            return Response.status(Response.Status.NOT_FOUND).entity(Templates.missing(user, reviewId)).build();
        }
        Instant now = Instant.now();
        ConsoleViews.CasePage page = new ConsoleViews.CasePage(user, ConsoleViews.caseView(file.get(), now),
                audit.of(id).stream().map(ConsoleViews::auditLine).toList(),
                Arrays.stream(PolicyReason.values()).map(ReasonResponse::of).toList(), statistics.queueSize());
        return Response.ok(Templates.caseFile(page)).header("Cache-Control", "no-store").build();
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
            @Parameter(description = "The review just skipped", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("skip") String skip) {
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

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "consoleSignIn", summary = "The console: sign in", description = "With a moderator's or admin's user"
            + " name and password, checked by review-service's POST /auth/token; the token becomes the session cookie.")
    @SecurityRequirements
    @APIResponse(responseCode = "303", description = "Signed in: to the queue page, with the session cookie",
            headers = { @Header(name = "Location", description = "/console", schema = @Schema(type = SchemaType.STRING)),
                @Header(name = "Set-Cookie", description = "moderation-console=<token>; HttpOnly; SameSite=Strict (Secure outside"
                        + " the local, dev and test profiles)", schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "400", description = "No user name or password: the form again",
            content = @Content(schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "401", description = "Wrong user name or password: the form again",
            content = @Content(schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "403", description = "Not a moderator's or admin's account",
            content = @Content(schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "429", description = "More than 30 sign-ins a minute from the address, or the account is locked;"
            + " see Retry-After",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "503", description = "review-service does not answer",
            content = @Content(schema = @Schema(type = SchemaType.STRING)))
    public Response signIn(@FormParam("username") String username, @FormParam("password") String password,
            @Context HttpServerRequest http) {
        String name = username == null ? "" : username.strip();
        if (name.isEmpty() || password == null || password.isEmpty() || name.length() > 100 || password.length() > 200) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.signIn("Enter your user name and password.", name.length() > 100 ? "" : name)).build();
        }
        ConsoleSignIn.Outcome outcome;
        try {
            // counted here per address: review-service sees every console sign-in come from this service
            throttle.take("console-sign-in", ClientAddress.of(http), new ThrottleLimit(throttles.max(), throttles.window(),
                    "Too many sign-in attempts from your address."));
            outcome = signIn.signIn(name, password);
        } catch (ProblemException e) {
            // platform's throttle refuses in HTTP's words (a 429 with its Retry-After), not as a domain exception
            if (e.status() != 429) {
                throw e;
            }
            outcome = new ConsoleSignIn.Throttled(e.headers().get("Retry-After"));
        }
        if (outcome instanceof ConsoleSignIn.Throttled throttled) {
            return Response.status(429).header("Retry-After", throttled.retryAfterSeconds())
                    .entity(Templates.signIn("Too many sign-in attempts. Try again in " + throttled.retryAfterSeconds()
                            + " seconds.", name)).build();
        }
        if (outcome instanceof ConsoleSignIn.Granted granted) {
            return Response.seeOther(URI.create("/console")).cookie(sessionCookie(granted.token(), granted.expiresInSeconds()))
                    .build();
        }
        if (outcome instanceof ConsoleSignIn.NotStaff) {
            return Response.status(Response.Status.FORBIDDEN)
                    .entity(Templates.signIn("This account is not a moderator's: the console is for moderators.", name)).build();
        }
        if (outcome instanceof ConsoleSignIn.Refused) {
            return Response.status(Response.Status.UNAUTHORIZED)
                    .entity(Templates.signIn("Wrong user name or password.", name)).build();
        }
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .entity(Templates.signIn("Signing in is not possible right now: the account service does not answer. "
                        + "Try again in a minute.", name)).build();
    }

    @POST
    @Path("sign-out")
    @Operation(operationId = "consoleSignOut", summary = "The console: sign out",
            description = "Forgets the session cookie; the token itself stays valid until it expires.")
    @SecurityRequirements
    @APIResponse(responseCode = "303", description = "To the sign-in form, with the cookie cleared",
            headers = @Header(name = "Location", description = "/console", schema = @Schema(type = SchemaType.STRING)))
    public Response signOut() {
        return Response.seeOther(URI.create("/console")).cookie(sessionCookie("", 0)).build();
    }

    /** The queue page's data; the live updates ({@code whole} false) need the rows only. */
    private ConsoleViews.QueuePage queueView(String filmId, String reason, String minSpam, String minSpoiler, String appeal,
            String reported, String cursor, String notice, boolean whole) {
        String user = caller.username();
        QueueFilter filter;
        QueueCursor after;
        try {
            filter = QueueFilter.parse(filmId, reason, minSpam, minSpoiler, appeal, reported);
            after = cursor == null || cursor.isBlank() ? null : QueueCursor.decode(cursor);
        } catch (DomainException bad) {
            filter = QueueFilter.ALL;
            after = null;
            notice = "The filter was not understood (" + bad.getMessage() + "); showing every case.";
        }
        QueueSlice slice = queue.page(filter, after, PAGE_SIZE);
        Instant now = Instant.now();
        ConsoleViews.Filters form = new ConsoleViews.Filters(text(filter.filmId()), text(filter.reason()),
                text(filter.minSpam()), text(filter.minSpoiler()), text(filter.appeal()), text(filter.reported()), query(filter, null));
        QueueFacets facets = whole ? queue.facets() : new QueueFacets(List.of(), List.of());
        return new ConsoleViews.QueuePage(user, form, ConsoleViews.films(facets, form.filmId()),
                ConsoleViews.reasonCodes(facets, form.reason()), slice.items().stream().map(f -> ConsoleViews.row(f, user, now)).toList(),
                slice.next() == null ? null : "/console?" + query(filter, slice.next().encode()),
                whole ? ConsoleViews.stats(statistics.now(7), user) : null, notice, refreshEvery.toMillis());
    }

    private static String query(QueueFilter filter, String cursor) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("filmId", filter.filmId());
        query.put("reason", filter.reason());
        query.put("minSpam", filter.minSpam());
        query.put("minSpoiler", filter.minSpoiler());
        query.put("appeal", filter.appeal());
        query.put("reported", filter.reported());
        query.put("cursor", cursor);
        return query.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().toString(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
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

    private static String text(Object value) {
        return value == null ? "" : value.toString();
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
            return Optional.of(Response.status(Response.Status.UNAUTHORIZED).entity(Templates.signIn(
                    "Your session has ended; please sign in again.", "")).cookie(sessionCookie("", 0)).build());
        }
        if (anonymous) {
            return Optional.of(Response.ok(Templates.signIn(null, "")).build());
        }
        if (!caller.isStaff()) {
            return Optional.of(Response.status(Response.Status.FORBIDDEN).entity(Templates.forbidden(caller.username())).build());
        }
        return Optional.empty();
    }

    /**
     * The token, where page script cannot read it (HttpOnly) and other sites cannot make the browser send
     * it (SameSite=Strict); {@link ConsoleSession} makes unsafe requests prove they come from the console.
     */
    private NewCookie sessionCookie(String token, long maxAgeSeconds) {
        return new NewCookie.Builder(ConsoleSession.COOKIE).value(token).path("/").httpOnly(true).secure(secureCookie)
                .sameSite(NewCookie.SameSite.STRICT).maxAge((int) Math.min(Integer.MAX_VALUE, maxAgeSeconds)).build();
    }
}
