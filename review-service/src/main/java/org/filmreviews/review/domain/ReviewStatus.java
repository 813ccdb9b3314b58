package org.filmreviews.review.domain;

import org.filmreviews.events.Decision;

/** Where a review stands, as its author sees it. */
public enum ReviewStatus {
    /** Waiting for the machine's decision. */
    SUBMITTED,
    /** Held for a human moderator. */
    IN_REVIEW, PUBLISHED,
    /** Published behind a spoiler warning. */
    PUBLISHED_SPOILER, REJECTED,
    /** Deleted by its author. */
    WITHDRAWN;

    public static ReviewStatus of(Decision decision) {
        return switch (decision) {
            case PUBLISH -> PUBLISHED;
            case PUBLISH_SPOILER -> PUBLISHED_SPOILER;
            case REJECT -> REJECTED;
            case HOLD -> IN_REVIEW;
        };
    }

    public boolean isPublic() {
        return this == PUBLISHED || this == PUBLISHED_SPOILER;
    }
}
