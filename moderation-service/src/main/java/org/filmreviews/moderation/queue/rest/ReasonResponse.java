package org.filmreviews.moderation.queue.rest;

import org.filmreviews.moderation.cases.PolicyReason;

/** One entry of the list of reasons to reject or take down a review. */
public record ReasonResponse(String code, String label) {

    public static ReasonResponse of(PolicyReason reason) {
        return new ReasonResponse(reason.code(), reason.label());
    }
}
