package org.filmreviews.review.rest;

import java.util.UUID;

import org.filmreviews.platform.problem.ProblemException;
import org.filmreviews.platform.security.Caller;

/** The account id of a signed-in caller, from the subject of a token this service issued. */
final class AccountId {

    private AccountId() {
    }

    static UUID of(Caller caller) {
        String subject = caller.subject().orElseThrow(() -> new io.quarkus.security.UnauthorizedException());
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            throw ProblemException.forbidden("This token does not belong to an account of this service.");
        }
    }
}
