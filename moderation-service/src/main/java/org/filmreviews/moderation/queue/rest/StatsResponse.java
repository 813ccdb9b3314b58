package org.filmreviews.moderation.queue.rest;

import java.time.Instant;
import java.util.List;

import org.filmreviews.moderation.engine.EffectiveThresholds;
import org.filmreviews.moderation.engine.ModerationEngine;
import org.filmreviews.moderation.queue.QueueStatistics;

/**
 * Queue statistics: size, the oldest case, human verdicts per moderator per UTC day, how often humans
 * overturn the engine, and how far the engine's learning has come, thresholds included.
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

    public record Engine(String version, long decisionsLearned, long lessonsPending, Instant savedAt, Thresholds thresholds) {
    }

    /**
     * Where the engine's scores turn into outcomes now.
     *
     * @param learning whether moderators' decisions may move the thresholds ({@code filmreviews.engine.learn-thresholds})
     * @param decisions recent moderator decisions the thresholds are derived from
     */
    public record Thresholds(boolean learning, int decisions, Threshold rejectSpam, Threshold holdSpam, Threshold spoiler,
            Threshold spoilerSentence) {

        static Thresholds of(EffectiveThresholds t) {
            return new Thresholds(t.learning(), t.decisions(),
                    Threshold.of(t.thresholds().rejectSpam(), t.configured().rejectSpam(), t.rejectSpam()),
                    Threshold.of(t.thresholds().holdSpam(), t.configured().holdSpam(), t.holdSpam()),
                    Threshold.of(t.thresholds().spoiler(), t.configured().spoiler(), t.spoiler()),
                    new Threshold(t.thresholds().spoilerSentence(), t.configured().spoilerSentence(),
                            t.thresholds().spoilerSentence(), 0,
                            "Not learned; it follows the spoiler threshold when that is learned lower."));
        }
    }

    /**
     * @param value in force
     * @param configured from application.properties: the starting point, and what the bounds are set around
     * @param supported what the moderators' decisions support (in force when learning is on)
     * @param decisions how many decisions {@code supported} rests on; 0 when it is the configured value
     * @param reason the rule's finding in plain words
     */
    public record Threshold(double value, double configured, double supported, int decisions, String reason) {

        static Threshold of(double value, double configured, EffectiveThresholds.Basis basis) {
            return new Threshold(value, configured, basis.value(), basis.decisions(), basis.reason());
        }
    }

    static StatsResponse of(QueueStatistics.Snapshot s) {
        return new StatsResponse(
                new Queue(s.queueSize(), s.appeals(), s.oldestQueuedAt(),
                        s.oldestAge() == null ? null : s.oldestAge().toSeconds()),
                s.decisionsPerModeratorPerDay(),
                new Machine(s.machineDecisions(), s.machineHolds(), s.machineDecisionsReviewed(),
                        s.machineDecisionsOverturned(),
                        s.overturnRate()),
                new Engine(ModerationEngine.VERSION, s.decisionsLearned(), s.lessonsPending(),
                        s.modelSavedAt(), Thresholds.of(s.thresholds())));
    }
}
