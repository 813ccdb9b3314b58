package org.filmreviews.moderation.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.filmreviews.events.Decision;
import org.filmreviews.events.PublishedReview;
import org.filmreviews.events.Reason;
import org.filmreviews.events.ReviewDecided;
import org.filmreviews.events.ReviewSubmitted;
import org.filmreviews.events.Scores;
import org.filmreviews.events.TextSpan;
import org.filmreviews.moderation.domain.CaseReason;
import org.filmreviews.moderation.domain.CaseSpan;
import org.filmreviews.moderation.domain.ModerationCase;
import org.filmreviews.moderation.engine.ModerationEngine;
import org.filmreviews.moderation.engine.Submission;
import org.filmreviews.moderation.engine.Verdict;
import org.filmreviews.moderation.repository.ModerationCaseRepository;
import org.filmreviews.platform.inbox.Inbox;
import org.filmreviews.platform.outbox.Outbox;

/**
 * Runs the engine on every submitted version of a review, keeps the case and announces the decision
 * on moderation.review-decided.v1, all in one transaction.
 */
@ApplicationScoped
public class ModerationService {

    static final String CONSUMER = "moderation.cases";

    @Inject
    Inbox inbox;

    @Inject
    ModerationEngine engine;

    @Inject
    FilmProfiles films;

    @Inject
    ModerationCaseRepository cases;

    @Inject
    Outbox outbox;

    @Transactional
    public void moderate(String eventId, ReviewSubmitted submitted) {
        if (!inbox.firstDelivery(eventId, CONSUMER)
                || cases.findVersion(submitted.reviewId(), submitted.version()).isPresent()) {
            return; // this version was already decided
        }
        Verdict verdict = engine.assess(new Submission(submitted.reviewId().toString(), submitted.filmId().toString(),
                submitted.author().id(), submitted.headline(), submitted.body(), submitted.spoiler(),
                submitted.submittedAt()), films.factsOf(submitted.filmId()));

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
        decided.spamScore = verdict.spamScore();
        decided.spoilerScore = verdict.spoilerScore();
        decided.reasons = verdict.findings().stream()
                .map(f -> new CaseReason(f.signal().name(), f.code(), f.message(), f.weight())).toList();
        decided.spoilerSentences = verdict.spoilerSentences().stream().map(s -> new CaseSpan(s.start(), s.end())).toList();
        decided.engineVersion = verdict.engineVersion();
        decided.decidedBy = "engine/" + verdict.engineVersion();
        decided.decidedAt = Instant.now();
        cases.persist(decided);

        outbox.append(decisionOf(decided), decided.filmId.toString(), decided.reviewId.toString());
    }

    public Optional<ModerationCase> latestCase(UUID reviewId) {
        return cases.findLatest(reviewId);
    }

    static ReviewDecided decisionOf(ModerationCase decided) {
        List<Reason> reasons = new ArrayList<>();
        for (CaseReason reason : decided.reasons) {
            reasons.add(new Reason(reason.code(), reason.message()));
        }
        if (reasons.isEmpty()) {
            reasons.add(new Reason("clean", "No spam or spoiler signals were found."));
        }
        PublishedReview published = decided.outcome.published()
                ? new PublishedReview(decided.authorDisplayName, decided.authorUsername, decided.rating, decided.headline,
                        decided.body, decided.outcome == Decision.PUBLISH_SPOILER,
                        decided.spoilerSentences.stream().map(s -> new TextSpan(s.start(), s.end())).toList(),
                        decided.submittedAt)
                : null;
        return new ReviewDecided(decided.reviewId, decided.filmId, decided.version, decided.outcome,
                new Scores(clamp(decided.spamScore), clamp(decided.spoilerScore)), reasons, published, decided.decidedBy,
                decided.decidedAt);
    }

    private static double clamp(double score) {
        return Math.max(0, Math.min(1, score));
    }
}
