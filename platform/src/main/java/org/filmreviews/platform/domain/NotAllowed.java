package org.filmreviews.platform.domain;

/** The caller is known but may not do this (not the author, an erased account, not a moderator's case). */
public final class NotAllowed extends DomainException {

    public NotAllowed(String detail) {
        super("forbidden", detail);
    }
}
