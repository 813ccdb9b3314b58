package org.filmreviews.platform.domain;

import java.util.OptionalLong;

/**
 * The caller changed a version it read earlier, and the thing has moved on since: reload and apply again.
 * When the current version may be shown to the caller it is carried along.
 */
public final class StaleVersion extends DomainException {

    private final Long current;

    public StaleVersion(String detail) {
        this(detail, null);
    }

    private StaleVersion(String detail, Long current) {
        super("version-mismatch", detail);
        this.current = current;
    }

    /** Stale, and the thing is now at this version. */
    public static StaleVersion now(long current, String detail) {
        return new StaleVersion(detail, current);
    }

    public OptionalLong current() {
        return current == null ? OptionalLong.empty() : OptionalLong.of(current);
    }
}
