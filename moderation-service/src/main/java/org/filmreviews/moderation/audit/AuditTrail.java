package org.filmreviews.moderation.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.filmreviews.events.Decision;
import org.filmreviews.moderation.cases.ModerationCase;

/** The append-only log of every machine and human action; written in the transaction of the action. */
@ApplicationScoped
public class AuditTrail {

    @Inject
    AuditRepository entries;

    /** What to write about one action on a case; the case gives review, version, film and engine version. */
    public record Note(AuditAction action, String actor, Decision decision, String reasonCode, String reason,
            Boolean overturned, boolean appeal) {

        public static Note of(AuditAction action, String actor) {
            return new Note(action, actor, null, null, null, null, false);
        }

        public Note decision(Decision value) {
            return new Note(action, actor, value, reasonCode, reason, overturned, appeal);
        }

        public Note reason(String code, String text) {
            return new Note(action, actor, decision, code, text, overturned, appeal);
        }

        public Note overturned(Boolean value) {
            return new Note(action, actor, decision, reasonCode, reason, value, appeal);
        }

        public Note appeal(boolean value) {
            return new Note(action, actor, decision, reasonCode, reason, overturned, value);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry record(ModerationCase subject, Note note, Instant at) {
        AuditEntry entry = new AuditEntry();
        entry.reviewId = subject.reviewId;
        entry.version = subject.version;
        entry.filmId = subject.filmId;
        entry.action = note.action();
        entry.actor = note.actor();
        entry.decision = note.decision();
        entry.reasonCode = note.reasonCode();
        entry.reason = note.reason();
        entry.engineVersion = subject.engineVersion;
        entry.overturned = note.overturned();
        entry.appeal = note.appeal();
        entry.at = at;
        entries.persist(entry);
        return entry;
    }

    /** Oldest first, as it happened. */
    @Transactional
    public List<AuditEntry> of(UUID reviewId) {
        return entries.ofReview(reviewId);
    }
}
