package org.filmreviews.moderation.queue.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.filmreviews.events.Decision;
import org.filmreviews.moderation.audit.AuditAction;
import org.filmreviews.moderation.audit.AuditEntry;

/** The audit trail of one review, oldest first. */
public record AuditResponse(UUID reviewId, List<Entry> items) {

    /**
     * @param overturned for a human verdict on what the engine decided: whether it changed the outcome
     */
    public record Entry(long id, long version, AuditAction action, String actor, Decision decision, String reasonCode,
            String reason, String engineVersion, Boolean overturned, boolean appeal, Instant at) {

        static Entry of(AuditEntry e) {
            return new Entry(e.id, e.version, e.action, e.actor, e.decision, e.reasonCode, e.reason, e.engineVersion,
                    e.overturned, e.appeal, e.at);
        }
    }
}
