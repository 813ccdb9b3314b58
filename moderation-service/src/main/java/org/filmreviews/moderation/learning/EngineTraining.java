package org.filmreviews.moderation.learning;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.filmreviews.moderation.cases.ModerationCase;
import org.filmreviews.moderation.cases.ModerationCaseRepository;
import org.filmreviews.moderation.engine.ModerationEngine;
import org.filmreviews.moderation.engine.ModeratorLesson;
import org.filmreviews.moderation.engine.Outcome;
import org.filmreviews.moderation.engine.Span;
import org.filmreviews.moderation.film.FilmReplica;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Teaches the engine what moderators decided. Decisions leave a lesson row in their own transaction;
 * here lessons are learned in order, deleted, and the engine's new state stored, in one transaction, so
 * that after a restart the engine has learned every decision exactly once (the restored state plus the
 * lessons still waiting).
 */
@ApplicationScoped
public class EngineTraining {

    private static final Logger LOG = Logger.getLogger(EngineTraining.class);
    /** "lesson" in ASCII: one teacher at a time, also across instances sharing the database. */
    private static final long LOCK_KEY = 0x6c6573736f6eL;
    private static final int BATCH = 200;

    @Inject
    SharedEngine engines;

    @Inject
    EngineLessonRepository lessons;

    @Inject
    ModerationCaseRepository cases;

    @Inject
    ModelStore store;

    @Inject
    FilmReplica films;

    @Inject
    EntityManager entityManager;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private final AtomicReference<Instant> lastSavedAt = new AtomicReference<>();

    @Scheduled(every = "${filmreviews.engine.learn-every}", delayed = "${filmreviews.engine.learn-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            // A run that starts while the application stops would only fail on a closed EntityManagerFactory.
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        teach();
    }

    /** Learns the waiting lessons (up to a batch); returns how many. */
    @Transactional
    public int teach() {
        entityManager.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(:key)").setParameter("key", LOCK_KEY)
                .getSingleResult();
        List<EngineLesson> waiting = lessons.find("order by id").page(0, BATCH).list();
        if (waiting.isEmpty()) {
            return 0;
        }
        // The newest state any instance stored (under the lock, so nobody stores another meanwhile): lessons are
        // learned on top of every lesson learned before, wherever it was.
        ModerationEngine engine = engines.current();
        for (EngineLesson lesson : waiting) {
            ModerationCase subject = cases.findById(lesson.caseId);
            List<Span> spans = lesson.spoilerSentences == null ? null
                    : lesson.spoilerSentences.stream().map(s -> new Span(s.start(), s.end())).toList();
            // With the film's facts, the spoiler score kept as evidence for the thresholds is the one the case got.
            engine.learn(new ModeratorLesson(EngineMemory.submissionOf(subject), films.factsOf(subject.filmId),
                    Outcome.valueOf(lesson.outcome.name()), spans));
            lessons.delete(lesson);
        }
        EngineModel saved = store.save(engine);
        // Learned in place: if this transaction does not commit, the engine knows lessons that are still waiting,
        // so it is dropped and the stored state read again rather than learning them twice.
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    engines.stored(engine, saved.id);
                } else {
                    engines.discard(engine);
                }
            }
        });
        lastSavedAt.set(saved.savedAt);
        LOG.debugf("The engine learned %d moderator decisions", waiting.size());
        return waiting.size();
    }

    @Transactional
    public long pending() {
        return lessons.count();
    }

    /** When this instance last stored the engine's state, or else the newest stored state. */
    public Optional<Instant> lastSavedAt() {
        Instant saved = lastSavedAt.get();
        return saved != null ? Optional.of(saved) : store.latest().map(m -> m.savedAt);
    }
}
