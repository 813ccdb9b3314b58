package org.filmreviews.moderation.rest;

import java.time.Instant;
import java.util.List;

import org.filmreviews.moderation.engine.ModerationEngine;
import org.filmreviews.moderation.service.QueueStatistics;

/**
 * Queue statistics: size, the oldest case, human verdicts per moderator per UTC day, how often humans
 * overturn the engine, and how far the engine's learning has come.
 */
public record StatsResponse(
        Queue queue,
        List<QueueStatistics.ModeratorDay> decisionsPerModeratorPerDay,
        Machine machine,
        Engine engine) {

    public record Queue(long size, long appeals, Instant oldestQueuedAt, Long oldestAgeSeconds) {
    }

    /**
     * @param reviewed engine decisions (not holds) a human later judged, on appeal or by taking them down
     * @param overturnRate overturned / reviewed, null before the first review
     */
    public record Machine(long decisions, long holds, long reviewed, long overturned, Double overturnRate) {
    }

    public record Engine(String version, long decisionsLearned, long lessonsPending, Instant savedAt) {
    }

    static StatsResponse of(QueueStatistics.Snapshot s) {
        return new StatsResponse(
                new Queue(s.queueSize(), s.appeals(), s.oldestQueuedAt(), s.oldestAge() == null ? null : s.oldestAge().toSeconds()),
                s.decisionsPerModeratorPerDay(),
                new Machine(s.machineDecisions(), s.machineHolds(), s.machineDecisionsReviewed(), s.machineDecisionsOverturned(),
                        s.overturnRate()),
                new Engine(ModerationEngine.VERSION, s.decisionsLearned(), s.lessonsPending(),
                        s.modelSavedAt()));
    }
}
