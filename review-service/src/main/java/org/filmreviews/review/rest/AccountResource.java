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

import org.filmreviews.platform.problem.ProblemException;
import org.filmreviews.platform.security.Caller;
import org.filmreviews.platform.security.Roles;
import org.filmreviews.platform.throttle.ClientAddress;
import org.filmreviews.review.domain.Account;
import org.filmreviews.review.service.AccessThrottles;
import org.filmreviews.review.service.AccountService;

import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;

@Path("/accounts")
@Produces(MediaType.APPLICATION_JSON)
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
    public Response signUp(@Valid @NotNull SignUpRequest request, @Context HttpServerRequest http) {
        throttles.beforeSignUp(ClientAddress.of(http));
        Account account = accounts.signUp(request.username(), request.displayName(), request.password());
        return Response.created(URI.create("/accounts/" + account.id)).entity(AccountResponse.of(account)).build();
    }

    /** One's own account; admins may look at any. */
    @GET
    @Path("{id}")
    @Authenticated
    public AccountResponse get(@PathParam("id") UUID id) {
        boolean self = caller.subject().filter(id.toString()::equals).isPresent();
        if (!self && !caller.hasRole(Roles.ADMIN)) {
            throw ProblemException.notFound("No account with id " + id);
        }
        return accounts.find(id).map(AccountResponse::of)
                .orElseThrow(() -> ProblemException.notFound("No account with id " + id));
    }
}
