package org.filmreviews.review.service.review;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code filmreviews.reviews.*}: how authors' writing is throttled. */
@ConfigMapping(prefix = "filmreviews.reviews")
public interface ReviewsConfig {

    RateLimitConfig rateLimit();

    interface RateLimitConfig {

        /** New reviews and edits an author may post in any {@link #window()}; beyond it they are refused until a place frees. */
        @WithDefault("10")
        int max();

        /** The sliding window {@link #max()} counts in. */
        @WithDefault("10m")
        Duration window();
    }
}
