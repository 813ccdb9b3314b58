package org.filmreviews.moderation.screening;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.filmreviews.events.Decision;
import org.filmreviews.events.ReviewSubmitted;
import org.filmreviews.moderation.audit.AuditAction;
import org.filmreviews.moderation.audit.AuditTrail;
import org.filmreviews.moderation.cases.CaseReason;
import org.filmreviews.moderation.cases.CaseSpan;
import org.filmreviews.moderation.cases.DecisionEvents;
import org.filmreviews.moderation.cases.ModerationCase;
import org.filmreviews.moderation.cases.ModerationCaseRepository;
import org.filmreviews.moderation.engine.ModerationEngine;
import org.filmreviews.moderation.engine.Submission;
import org.filmreviews.moderation.engine.Verdict;
import org.filmreviews.moderation.film.FilmReplica;
import org.filmreviews.moderation.learning.SharedEngine;
import org.filmreviews.moderation.withdrawal.Erasure;
import org.filmreviews.moderation.withdrawal.WithdrawalRepository;
import org.filmreviews.platform.inbox.AppliedOnce;
import org.filmreviews.platform.outbox.Outbox;

/**
 * Runs the engine on every submitted version of a review, keeps the case (in the queue when the engine
 * holds it), writes the audit line and announces the decision on moderation.review-decided.v1, all in
 * one transaction.
 */
@ApplicationScoped
public class ModerationService {

    static final String CONSUMER = "moderation.cases";

    @Inject
    SharedEngine engines;

    @Inject
    FilmReplica films;

    @Inject
    ModerationCaseRepository cases;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Inject
    WithdrawalRepository withdrawals;

    @Inject
    Erasure erasure;

    @Transactional
    @AppliedOnce(CONSUMER)
    public void apply(String eventId, ReviewSubmitted submitted) {
        // Locked: a moderator deciding an earlier version meanwhile is waited for, not overwritten.
        List<ModerationCase> earlier = cases.lockAll(submitted.reviewId());
        if (earlier.stream().anyMatch(c -> c.version == submitted.version())) {
            return; // this version was already decided
        }
        Verdict verdict = engines.current()
                .assess(new Submission(submitted.reviewId().toString(), submitted.filmId().toString(),
                        submitted.author().id(), submitted.headline(), submitted.body(), submitted.spoiler(),
                        submitted.submittedAt()), films.factsOf(submitted.filmId()));
        Instant now = Instant.now();

        ModerationCase decided = new ModerationCase();
        decided.id = UUID.randomUUID();
        decided.reviewId = submitted.reviewId();
        decided.version = submitted.version();
        decided.filmId = submitted.filmId();
        decided.authorId = submitted.author().id();
        decided.authorUsername = submitted.author().username();
        decided.authorDisplayName = submitted.author().displayName();
        decided.rating = submitted.rating();
        decided.headline = submitted.headline();
        decided.body = submitted.body();
        decided.authorSpoiler = submitted.spoiler();
        decided.submittedAt = submitted.submittedAt();
        decided.outcome = Decision.valueOf(verdict.outcome().name());
        decided.machineOutcome = decided.outcome;
        decided.spamScore = verdict.spamScore();
        decided.spoilerScore = verdict.spoilerScore();
        decided.reasons = verdict.findings().stream()
                .map(f -> new CaseReason(f.signal().name(), f.code(), f.message(), f.weight())).toList();
        decided.spoilerSentences = verdict.spoilerSentences().stream().map(s -> new CaseSpan(s.start(), s.end())).toList();
        decided.engineVersion = verdict.engineVersion();
        decided.decidedBy = "engine/" + verdict.engineVersion();
        decided.decidedAt = now;

        Optional<Instant> withdrawnAt = withdrawals.withdrawnAt(submitted.reviewId());
        boolean newest = true;
        for (ModerationCase other : earlier) {
            if (other.version > decided.version) {
                newest = false; // a late, older version: decided for the record, never queued
            } else if (other.open) {
                other.close();
                audit.record(other, AuditTrail.Note.of(AuditAction.SUPERSEDED, decided.decidedBy)
                        .reason(null, "Version " + decided.version + " replaced this version in the queue."), now);
            }
        }
        if (withdrawnAt.isPresent()) {
            // The withdrawal overtook this submission: decided for the record, never queued, and erased (below,
            // once the decision is announced) as the withdrawal meant it to be.
            decided.withdrawnAt = withdrawnAt.get();
        } else if (newest && decided.outcome == Decision.HOLD) {
            decided.enqueue(now);
        }
        cases.persist(decided);

        audit.record(decided, AuditTrail.Note.of(AuditAction.MACHINE_DECISION, decided.decidedBy)
                .decision(decided.outcome)
                .reason(null, decided.reasons.isEmpty() ? "No spam or spoiler signals were found."
                        : decided.reasons.stream().map(CaseReason::message).collect(Collectors.joining(" "))),
                now);
        outbox.append(DecisionEvents.machine(decided), decided.filmId.toString(), decided.reviewId.toString());
        if (withdrawnAt.isPresent()) {
            List<ModerationCase> versions = new java.util.ArrayList<>(earlier);
            versions.add(decided);
            erasure.erase(submitted.reviewId(), versions);
        }
    }

    @Transactional
    public Optional<ModerationCase> latestCase(UUID reviewId) {
        return cases.findLatest(reviewId);
    }
}
