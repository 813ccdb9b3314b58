package org.filmreviews.review.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.filmreviews.platform.problem.ProblemException;
import org.filmreviews.platform.security.Caller;
import org.filmreviews.platform.security.Roles;
import org.filmreviews.platform.throttle.ClientAddress;
import org.filmreviews.review.domain.Account;
import org.filmreviews.review.service.account.AccountService;
import org.filmreviews.review.service.throttle.AccessThrottles;

import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;

@Path("/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
@APIResponse(responseCode = "503", ref = "ServiceUnavailable")
public class AccountResource {

    @Inject
    AccountService accounts;

    @Inject
    Caller caller;

    @Inject
    AccessThrottles throttles;

    /** Public sign-up; every new account is a reviewer. */
    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "signUp", summary = "Sign up", description = "Anyone can; every new account is a reviewer."
            + " Then get a token with POST /auth/token.")
    @SecurityRequirements
    @RequestBody(content = @Content(examples = @ExampleObject(name = "account",
            value = "{\"username\": \"carol\", \"displayName\": \"Carol\", \"password\": \"a long passphrase\"}")))
    @APIResponse(responseCode = "201", description = "Created, with the reviewer role",
            headers = @Header(name = "Location", description = "The new account: /accounts/{id}",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = AccountResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest", description = "An invalid user name, display name or password")
    @APIResponse(responseCode = "409", ref = "Conflict", description = "The user name is taken")
    @APIResponse(responseCode = "429", ref = "TooManyRequests",
            description = "More than 20 new accounts an hour from the address")
    public Response signUp(@Valid @NotNull SignUpRequest request, @Context HttpServerRequest http) {
        throttles.beforeSignUp(ClientAddress.of(http));
        Account account = accounts.signUp(request.username(), request.displayName(), request.password());
        return Response.created(URI.create("/accounts/" + account.id)).entity(AccountResponse.of(account)).build();
    }

    /** One's own account; admins may look at any. */
    @GET
    @Path("{id}")
    @Authenticated
    @Operation(operationId = "getAccount", summary = "An account", description = "One's own; admins may look at any.")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "The account")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound",
            description = "No such account, or not the caller's own (unless an admin)")
    public AccountResponse get(@Parameter(description = "The account") @PathParam("id") UUID id) {
        boolean self = caller.subject().filter(id.toString()::equals).isPresent();
        if (!self && !caller.hasRole(Roles.ADMIN)) {
            throw ProblemException.notFound("No account with id " + id);
        }
        return accounts.find(id).map(AccountResponse::of)
                .orElseThrow(() -> ProblemException.notFound("No account with id " + id));
    }
}
