package org.filmreviews.platform.security;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/** Who is calling: anonymous, or the subject and roles of a verified bearer token. */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    /** The token's subject: the account id for tokens from review-service. */
    public Optional<String> subject() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Optional.empty();
        }
        return Optional.ofNullable(jwt.getSubject());
    }

    public String username() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return !identity.isAnonymous() && identity.hasRole(role);
    }

    /** Moderators and admins may see what is not public. */
    public boolean isStaff() {
        return hasRole(Roles.MODERATOR) || hasRole(Roles.ADMIN);
    }
}
