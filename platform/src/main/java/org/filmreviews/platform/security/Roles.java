package org.filmreviews.platform.security;

/** Role names carried in the {@code groups} claim of access tokens. */
public final class Roles {

    public static final String REVIEWER = "reviewer";
    public static final String MODERATOR = "moderator";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
