package org.filmreviews.moderation.audit;

/** What happened to a review, as the audit log records it. */
public enum AuditAction {
    /** The engine decided a submitted version (HOLD included). */
    MACHINE_DECISION, CLAIM, RELEASE,
    /** A moderator decided a held or appealed case. */
    DECISION,
    /** A moderator took a published review off the page. */
    TAKE_DOWN, RESTORE, APPEAL_RECEIVED, WITHDRAWN,
    /** A newer version of the review replaced this one in the queue. */
    SUPERSEDED,
    /** Enough readers reported the review: the case went back to the queue (or was marked in it) as reported. */
    REPORTED,
    /**
     * Enough readers reported a published review as a spoiler: it was put behind the spoiler warning at once
     * (decision PUBLISH_SPOILER by {@code readers}), for a moderator to confirm.
     */
    READERS_SPOILER;

    /** The actions by which moderators change what the public sees. */
    public boolean isHumanVerdict() {
        return this == DECISION || this == TAKE_DOWN || this == RESTORE;
    }
}
