package org.filmreviews.review.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.filmreviews.review.domain.Account;

import io.smallrye.jwt.build.Jwt;

/** Signs access tokens: the account id as subject, the roles as groups. */
@ApplicationScoped
public class TokenService {

    @ConfigProperty(name = "filmreviews.auth.issuer")
    String issuer;

    /** The system's audience: every service refuses tokens issued for anything else. */
    @ConfigProperty(name = "filmreviews.auth.audience")
    String audience;

    @ConfigProperty(name = "filmreviews.auth.token-lifetime")
    Duration lifetime;

    public record IssuedToken(String token, long expiresInSeconds) {
    }

    public IssuedToken issue(Account account) {
        String token = Jwt.issuer(issuer)
                .audience(audience)
                .subject(account.id.toString())
                .upn(account.username)
                .preferredUserName(account.username)
                .claim("name", account.displayName)
                .groups(account.roleSet())
                .expiresIn(lifetime)
                .sign();
        return new IssuedToken(token, lifetime.toSeconds());
    }
}
