package org.filmreviews.review.service.feedback;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code filmreviews.reports.*}: how readers' reports of reviews are throttled. */
@ConfigMapping(prefix = "filmreviews.reports")
public interface ReportsConfig {

    RateLimitConfig rateLimit();

    interface RateLimitConfig {

        /**
         * Reports (new ones and changes of one's reason or note) a reader may file in any {@link #window()};
         * beyond it the answer is 429 with Retry-After. Enough for an honest reader, too few to flood moderators.
         */
        @WithDefault("20")
        int max();

        /** The sliding window {@link #max()} counts in. */
        @WithDefault("10m")
        Duration window();
    }
}
