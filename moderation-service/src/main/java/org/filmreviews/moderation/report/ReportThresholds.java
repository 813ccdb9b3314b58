package org.filmreviews.moderation.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code filmreviews.moderation.reports.*}: how many readers' reports of the version on the page make
 * moderation act. Only reports no moderator has answered yet count.
 */
@ConfigMapping(prefix = "filmreviews.moderation.reports")
public interface ReportThresholds {

    /**
     * Reports, whatever their reason, that send a decided case back to the moderators' queue marked as
     * reported (a case already waiting is marked where it is).
     */
    @WithDefault("3")
    int reopenAfter();

    /**
     * Spoiler reports that put a review published without a warning behind one at once, before a moderator
     * has looked: a spoiler read cannot be unread, and a moderator confirms or undoes it from the queue.
     */
    @WithDefault("2")
    int hideSpoilerAfter();
}
