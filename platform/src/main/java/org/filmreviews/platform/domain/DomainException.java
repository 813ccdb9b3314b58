package org.filmreviews.platform.domain;

import java.util.Objects;

/**
 * What a service says when a request cannot be done, in the words of the domain: the thing is not there, it
 * collides with what is, the caller may not, the input is wrong, it is too soon to ask again. Services throw
 * these and know nothing of HTTP; {@code platform/problem} turns each kind into a problem+json response once.
 *
 * <p>The kind is the last segment of the problem's type URI. Each subclass has a default kind; a service names
 * a narrower one (for example {@code film-retired}) when clients act on the difference.
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFound, Retired, Conflict, NotAllowed, InvalidInput, StaleVersion, RateLimited, Overloaded {

    private final String kind;

    protected DomainException(String kind, String detail) {
        super(detail);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** The slug of the problem type, such as {@code not-found} or {@code version-mismatch}. */
    public String kind() {
        return kind;
    }

    /** The sentence shown to the client: what went wrong and, where it can, what to do instead. */
    public String detail() {
        return getMessage();
    }
}
