package org.filmreviews.platform.domain;

import java.util.Optional;

/**
 * The request collides with the state of things: a second review of the same film, a case someone else has
 * claimed, a review that is not in the state the action needs.
 */
public final class Conflict extends DomainException {

    private final String existing;

    public Conflict(String detail) {
        this(detail, null);
    }

    private Conflict(String detail, String existing) {
        super("conflict", detail);
        this.existing = existing;
    }

    /** A conflict with a thing that already exists at this path, which the client should use instead. */
    public static Conflict with(String existingPath, String detail) {
        return new Conflict(detail, existingPath);
    }

    /** The path of what the request collides with, when there is one to point at. */
    public Optional<String> existing() {
        return Optional.ofNullable(existing);
    }
}
