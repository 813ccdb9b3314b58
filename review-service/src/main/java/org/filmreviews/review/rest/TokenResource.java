package org.filmreviews.review.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.filmreviews.review.service.AccountService;
import org.filmreviews.review.service.TokenService;

import io.quarkus.security.AuthenticationFailedException;

@Path("/auth/token")
public class TokenResource {

    @Inject
    AccountService accounts;

    @Inject
    TokenService tokens;

    /** Exchanges a user name and password for a signed access token. */
    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public TokenResponse token(@Valid @NotNull TokenRequest request) {
        return accounts.authenticate(request.username(), request.password())
                .map(tokens::issue)
                .map(t -> new TokenResponse(t.token(), "Bearer", t.expiresInSeconds()))
                .orElseThrow(() -> new AuthenticationFailedException("Wrong user name or password"));
    }
}
