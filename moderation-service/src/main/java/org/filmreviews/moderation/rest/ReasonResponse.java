package org.filmreviews.moderation.rest;

import org.filmreviews.moderation.domain.PolicyReason;

/** One entry of the list of reasons to reject or take down a review. */
public record ReasonResponse(String code, String label) {

    static ReasonResponse of(PolicyReason reason) {
        return new ReasonResponse(reason.code(), reason.label());
    }
}
