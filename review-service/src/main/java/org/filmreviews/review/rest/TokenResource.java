package org.filmreviews.review.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.filmreviews.platform.throttle.ClientAddress;
import org.filmreviews.review.service.account.AccountService;
import org.filmreviews.review.service.account.TokenService;
import org.filmreviews.review.service.throttle.AccessThrottles;

import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.http.HttpServerRequest;

@Path("/auth/token")
@Tag(name = "Access tokens", description = "Signing in: a user name and password for a bearer token")
public class TokenResource {

    @Inject
    AccountService accounts;

    @Inject
    TokenService tokens;

    @Inject
    AccessThrottles throttles;

    /** Exchanges a user name and password for a signed access token. */
    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "issueToken", summary = "Sign in: get an access token", description = "A signed JWT for"
            + " `Authorization: Bearer <token>` on the three services, valid for expires_in seconds (15 minutes); nothing"
            + " revokes it earlier. The demo accounts of ./run.sh are in the README.")
    @SecurityRequirements
    @RequestBody(content = @Content(examples = @ExampleObject(name = "alice",
            value = "{\"username\": \"alice\", \"password\": \"alice\"}")))
    @APIResponse(responseCode = "200", description = "The token",
            content = @Content(examples = @ExampleObject(name = "token",
                    value = "{\"access_token\": \"eyJhbGciOiJSUzI1NiJ9...\","
                            + " \"token_type\": \"Bearer\", \"expires_in\": 900}")))
    @APIResponse(responseCode = "400", ref = "BadRequest", description = "No user name or password")
    @APIResponse(responseCode = "401", ref = "Unauthorized", description = "Wrong user name or password")
    @APIResponse(responseCode = "429", ref = "TooManyRequests", description = "More than 30 sign-ins a minute from the address,"
            + " or the account is locked for 15 minutes after 10 wrong passwords")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public TokenResponse token(@Valid @NotNull TokenRequest request, @Context HttpServerRequest http) {
        // throttled before the password is hashed: refusing costs nothing, checking costs a bcrypt round
        throttles.beforeSignIn(ClientAddress.of(http), request.username());
        var account = accounts.authenticate(request.username(), request.password());
        if (account.isEmpty()) {
            throttles.signInFailed(request.username());
            throw new AuthenticationFailedException("Wrong user name or password");
        }
        throttles.signedIn(request.username());
        TokenService.IssuedToken token = tokens.issue(account.get());
        return new TokenResponse(token.token(), "Bearer", token.expiresInSeconds());
    }
}
