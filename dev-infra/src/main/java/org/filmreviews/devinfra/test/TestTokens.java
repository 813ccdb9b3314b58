package org.filmreviews.devinfra.test;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;

/**
 * Access tokens for tests of the services that only verify tokens, signed with the test key pair of
 * {@link RealInfraTestResource} exactly as review-service signs real ones.
 */
public final class TestTokens {

    /** The audience the services accept. */
    public static final String AUDIENCE = "filmreviews";

    private TestTokens() {
    }

    /** A token exactly like {@link #token} but issued for another application: the services must refuse it. */
    public static String foreignBearer(String username, String... roles) {
        return "Bearer " + Jwt.issuer("urn:filmreviews:review-service")
                .audience("another-application")
                .subject(UUID.nameUUIDFromBytes(username.getBytes()).toString())
                .upn(username)
                .groups(Set.of(roles))
                .expiresIn(Duration.ofMinutes(10))
                .sign();
    }

    public static String token(String username, String... roles) {
        return Jwt.issuer("urn:filmreviews:review-service")
                .audience(AUDIENCE)
                .subject(UUID.nameUUIDFromBytes(username.getBytes()).toString())
                .upn(username)
                .preferredUserName(username)
                .claim("name", username)
                .groups(Set.of(roles))
                .expiresIn(Duration.ofMinutes(10))
                .sign();
    }

    public static String bearer(String username, String... roles) {
        return "Bearer " + token(username, roles);
    }
}
