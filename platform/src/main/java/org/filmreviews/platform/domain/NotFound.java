package org.filmreviews.platform.domain;

/** The thing asked for does not exist, or not for this caller. */
public final class NotFound extends DomainException {

    public NotFound(String detail) {
        super("not-found", detail);
    }
}
