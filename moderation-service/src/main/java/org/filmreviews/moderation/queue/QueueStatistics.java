package org.filmreviews.moderation.queue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.filmreviews.moderation.engine.EffectiveThresholds;
import org.filmreviews.moderation.engine.ModerationEngine;
import org.filmreviews.moderation.learning.EngineTraining;
import org.filmreviews.moderation.learning.SharedEngine;
import org.filmreviews.platform.persistence.SqlInstants;

/** How the queue and the moderators are doing, from the cases and the audit log. */
@ApplicationScoped
public class QueueStatistics {

    @Inject
    EntityManager entityManager;

    @Inject
    SharedEngine engines;

    @Inject
    EngineTraining training;

    /** Human verdicts (decisions, take-downs, restores) of one moderator on one UTC day. */
    public record ModeratorDay(String moderator, LocalDate day, long decisions) {
    }

    /**
     * @param machineDecisionsReviewed engine decisions (not holds) that a human later judged: appeals, take-downs
     * @param overturnRate overturned / reviewed; null while no machine decision has been reviewed
     * @param thresholds the engine's thresholds in force and the moderator decisions behind them
     */
    public record Snapshot(long queueSize, long appeals, Instant oldestQueuedAt, Duration oldestAge,
            List<ModeratorDay> decisionsPerModeratorPerDay, long machineDecisions, long machineHolds,
            long machineDecisionsReviewed, long machineDecisionsOverturned, Double overturnRate,
            long decisionsLearned, long lessonsPending, Instant modelSavedAt, EffectiveThresholds thresholds) {
    }

    /** Cases waiting now: what the console asks for every few seconds, so one cheap count. */
    @Transactional
    public long queueSize() {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM moderation_case WHERE open").getSingleResult())
                .longValue();
    }

    /** The queue now; verdicts, engine decisions and overturns of the last {@code days}. */
    @Transactional
    public Snapshot now(int days) {
        Instant now = Instant.now();
        Object[] queue = (Object[]) entityManager.createNativeQuery(
                "SELECT count(*), count(*) FILTER (WHERE appeal), min(queued_at) FROM moderation_case WHERE open")
                .getSingleResult();
        Instant oldest = SqlInstants.of(queue[2]);
        Duration oldestAge = oldest == null ? null : Duration.between(oldest, now);
        if (oldestAge != null && oldestAge.isNegative()) {
            oldestAge = Duration.ZERO; // an appeal stamped by a clock slightly ahead of ours
        }

        Instant since = now.minus(Duration.ofDays(days));
        @SuppressWarnings("unchecked")
        List<Object[]> perDay = entityManager.createNativeQuery("""
                SELECT actor, CAST(at AT TIME ZONE 'UTC' AS date) AS day, count(*)
                FROM audit_entry
                WHERE action IN ('DECISION', 'TAKE_DOWN', 'RESTORE') AND at >= :since
                GROUP BY actor, day ORDER BY day DESC, actor""")
                .setParameter("since", since).getResultList();

        Object[] machine = (Object[]) entityManager.createNativeQuery("""
                SELECT count(*) FILTER (WHERE action = 'MACHINE_DECISION' AND decision <> 'HOLD'),
                       count(*) FILTER (WHERE action = 'MACHINE_DECISION' AND decision = 'HOLD'),
                       count(*) FILTER (WHERE overturned IS NOT NULL),
                       count(*) FILTER (WHERE overturned)
                FROM audit_entry WHERE at >= :since""").setParameter("since", since).getSingleResult();
        long reviewed = number(machine[2]);
        long overturned = number(machine[3]);

        ModerationEngine engine = engines.current();
        return new Snapshot(number(queue[0]), number(queue[1]), oldest, oldestAge,
                perDay.stream().map(row -> new ModeratorDay((String) row[0], toDate(row[1]), number(row[2]))).toList(),
                number(machine[0]), number(machine[1]), reviewed, overturned,
                reviewed == 0 ? null : (double) overturned / reviewed,
                engine.decisionsLearned(), training.pending(), training.lastSavedAt().orElse(null), engine.thresholds());
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static LocalDate toDate(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }

}
