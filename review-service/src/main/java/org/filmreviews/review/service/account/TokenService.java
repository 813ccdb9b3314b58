package org.filmreviews.review.service.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.filmreviews.review.domain.Account;

import io.smallrye.jwt.build.Jwt;

/** Signs access tokens: the account id as subject, the roles as groups. */
@ApplicationScoped
public class TokenService {

    @Inject
    AuthConfig config;

    public record IssuedToken(String token, long expiresInSeconds) {
    }

    public IssuedToken issue(Account account) {
        String token = Jwt.issuer(config.issuer())
                .audience(config.audience())
                .subject(account.id.toString())
                .upn(account.username)
                .preferredUserName(account.username)
                .claim("name", account.displayName)
                .groups(account.roleSet())
                .expiresIn(config.tokenLifetime())
                .sign();
        return new IssuedToken(token, config.tokenLifetime().toSeconds());
    }
}
