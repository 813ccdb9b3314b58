package org.filmreviews.moderation.decision;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** {@code filmreviews.moderation.claim-duration}: how long a moderator holds a case they claimed. */
@ConfigMapping(prefix = "filmreviews.moderation")
public interface ClaimConfig {

    /**
     * How long a claim keeps other moderators from deciding the case; claiming again before it ends renews it, and
     * an ended claim frees the case without anyone releasing it.
     */
    Duration claimDuration();
}
