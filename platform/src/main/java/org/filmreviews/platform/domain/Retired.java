package org.filmreviews.platform.domain;

/** The thing existed and was taken out for good; asking again will not bring it back. */
public final class Retired extends DomainException {

    public Retired(String kind, String detail) {
        super(kind, detail);
    }
}
