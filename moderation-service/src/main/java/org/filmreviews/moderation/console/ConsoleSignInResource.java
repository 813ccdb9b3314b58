package org.filmreviews.moderation.console;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.filmreviews.platform.domain.RateLimited;
import org.filmreviews.platform.throttle.ClientAddress;
import org.filmreviews.platform.throttle.Throttle;
import org.filmreviews.platform.throttle.ThrottleLimit;

import io.vertx.core.http.HttpServerRequest;

/**
 * The console's sign-in form posts here: the user name and password go to review-service (through
 * {@link ConsoleSignIn}), counted per client address first, and the token it grants becomes the session cookie.
 * Every refusal answers with the sign-in form again, saying what went wrong.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Console", description = "The moderators' console: HTML pages for a browser, not an API for programs. It signs in"
        + " with a form and keeps the token in an HttpOnly cookie; its script decides cases through the Cases API.")
@SecurityRequirementsSet
@SecurityRequirement(name = "console-session")
public class ConsoleSignInResource {

    @Inject
    ConsoleSignIn signIn;

    @Inject
    Throttle throttle;

    @Inject
    ConsoleThrottleConfig throttles;

    @Inject
    ConsoleConfig config;

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "consoleSignIn", summary = "The console: sign in",
            description = "With a moderator's or admin's user"
                    + " name and password, checked by review-service's POST /auth/token; the token becomes the session cookie.")
    @SecurityRequirements
    @APIResponse(responseCode = "303", description = "Signed in: to the queue page, with the session cookie",
            headers = {@Header(name = "Location", description = "/console", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Set-Cookie",
                            description = "moderation-console=<token>; HttpOnly; SameSite=Strict (Secure outside"
                                    + " the local, dev and test profiles)",
                            schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "No user name or password: the form again",
            content = @Content(schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "401", description = "Wrong user name or password: the form again",
            content = @Content(schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "403", description = "Not a moderator's or admin's account",
            content = @Content(schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "429",
            description = "More than 30 sign-ins a minute from the address, or the account is locked;"
                    + " see Retry-After",
            headers = @Header(name = "Retry-After", description = "Seconds to wait",
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "503", description = "review-service does not answer",
            content = @Content(schema = @Schema(type = SchemaType.STRING)))
    public Response signIn(@FormParam("username") String username, @FormParam("password") String password,
            @Context HttpServerRequest http) {
        String name = username == null ? "" : username.strip();
        if (name.isEmpty() || password == null || password.isEmpty() || name.length() > 100 || password.length() > 200) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(ConsoleTemplates.signIn("Enter your user name and password.", name.length() > 100 ? "" : name))
                    .build();
        }
        ConsoleSignIn.Outcome outcome;
        try {
            // counted here per address: review-service sees every console sign-in come from this service
            throttle.take("console-sign-in", ClientAddress.of(http), new ThrottleLimit(throttles.max(), throttles.window(),
                    "Too many sign-in attempts from your address."));
            outcome = signIn.signIn(name, password);
        } catch (RateLimited e) {
            // the console answers a page of its own, not problem+json; the wait is in whole seconds already
            outcome = new ConsoleSignIn.Throttled(Long.toString(e.retryAfter().toSeconds()));
        }
        if (outcome instanceof ConsoleSignIn.Throttled throttled) {
            return Response.status(429).header("Retry-After", throttled.retryAfterSeconds())
                    .entity(ConsoleTemplates.signIn("Too many sign-in attempts. Try again in " + throttled.retryAfterSeconds()
                            + " seconds.", name))
                    .build();
        }
        if (outcome instanceof ConsoleSignIn.Granted granted) {
            return Response.seeOther(URI.create("/console"))
                    .cookie(ConsoleSession.cookie(granted.token(), granted.expiresInSeconds(),
                            config.secureCookie()))
                    .build();
        }
        if (outcome instanceof ConsoleSignIn.NotStaff) {
            return Response.status(Response.Status.FORBIDDEN)
                    .entity(ConsoleTemplates.signIn("This account is not a moderator's: the console is for moderators.", name))
                    .build();
        }
        if (outcome instanceof ConsoleSignIn.Refused) {
            return Response.status(Response.Status.UNAUTHORIZED)
                    .entity(ConsoleTemplates.signIn("Wrong user name or password.", name)).build();
        }
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .entity(ConsoleTemplates.signIn("Signing in is not possible right now: the account service does not answer. "
                        + "Try again in a minute.", name))
                .build();
    }

    @POST
    @Path("sign-out")
    @Operation(operationId = "consoleSignOut", summary = "The console: sign out",
            description = "Forgets the session cookie; the token itself stays valid until it expires.")
    @SecurityRequirements
    @APIResponse(responseCode = "303", description = "To the sign-in form, with the cookie cleared",
            headers = @Header(name = "Location", description = "/console", schema = @Schema(type = SchemaType.STRING)))
    public Response signOut() {
        return Response.seeOther(URI.create("/console")).cookie(ConsoleSession.cookie("", 0, config.secureCookie())).build();
    }
}
