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

import org.filmreviews.platform.throttle.ClientAddress;
import org.filmreviews.review.service.AccessThrottles;
import org.filmreviews.review.service.AccountService;
import org.filmreviews.review.service.TokenService;

import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.http.HttpServerRequest;

@Path("/auth/token")
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
