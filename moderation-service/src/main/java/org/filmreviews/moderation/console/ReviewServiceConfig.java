package org.filmreviews.moderation.console;

import io.smallrye.config.ConfigMapping;

/** {@code filmreviews.review-service.*}: where the console signs moderators in, since review-service owns the accounts. */
@ConfigMapping(prefix = "filmreviews.review-service")
public interface ReviewServiceConfig {

    /** review-service's base URL, without a trailing slash; the console posts to its {@code /auth/token}. */
    String url();
}
