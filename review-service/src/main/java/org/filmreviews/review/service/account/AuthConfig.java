package org.filmreviews.review.service.account;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** {@code filmreviews.auth.*}: the access tokens this service signs; the values are in application.properties. */
@ConfigMapping(prefix = "filmreviews.auth")
public interface AuthConfig {

    /** The issuer named in each token: the one every service verifies ({@code mp.jwt.verify.issuer}). */
    String issuer();

    /** The system's audience: every service refuses tokens issued for anything else ({@code mp.jwt.verify.audiences}). */
    String audience();

    /** How long a token is good for; a client then asks for a new one. */
    Duration tokenLifetime();
}
