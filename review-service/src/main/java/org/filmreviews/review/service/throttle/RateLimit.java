package org.filmreviews.review.service.throttle;

import java.time.Duration;

/**
 * At most {@code max} of one {@code activity} per account in any {@code window}.
 *
 * @param activity what is counted, as recorded in {@code account_activity}
 * @param doing what the account may do at most {@code max} times, in the words of the refusal
 *     ({@link org.filmreviews.platform.domain.RateLimited}): "You can {doing} at most 10 reviews in 10 minutes"
 */
public record RateLimit(String activity, int max, Duration window, String doing) {
}
