package org.filmreviews.moderation.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.filmreviews.devinfra.test.EventTestClient;
import org.filmreviews.devinfra.test.RealInfraTestResource;
import org.filmreviews.devinfra.test.ReviewTexts;
import org.filmreviews.events.ReviewSubmitted;
import org.filmreviews.moderation.Fixtures;
import org.filmreviews.moderation.engine.FilmFacts;
import org.filmreviews.moderation.engine.Finding;
import org.filmreviews.moderation.engine.ModerationEngine;
import org.filmreviews.moderation.engine.ModeratorLesson;
import org.filmreviews.moderation.engine.Outcome;
import org.filmreviews.moderation.engine.Submission;
import org.filmreviews.moderation.engine.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Several instances of the service share one database, and decide as one instance would: a copy or a flood is
 * recognised whichever instance saw the earlier posts, and what one instance learned the next decision of every
 * instance uses. The other instance here is an engine built as {@link SharedEngine} builds every instance's, on the
 * same database; this instance is the running service, fed through Kafka.
 */
@QuarkusTest
class SharedAcrossInstancesTest {

    private EventTestClient kafka;

    @Inject
    SharedSubmissionMemory memory;

    @Inject
    SharedEngine engines;

    @Inject
    ModelStore store;

    @Inject
    EngineConfig config;

    @BeforeEach
    void setUp() {
        kafka = new EventTestClient(RealInfraTestResource.bootstrapServers());
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    private ModerationEngine otherInstance() {
        return ModerationEngine.builder().settings(config.settings()).memory(memory).build();
    }

    /**
     * A review of thirty-odd words that shares no run of words with any other this test writes: texts that differ in
     * a word or two are copies of each other, which would make one round's text a copy of the round before.
     */
    private static String longText() {
        return ReviewTexts.next(new Random(), 30, 10);
    }

    private static Submission arrival(String author, UUID film, String body) {
        return arrival(author, film, body, Instant.now());
    }

    private static Submission arrival(String author, UUID film, String body, Instant submittedAt) {
        return new Submission(UUID.randomUUID().toString(), film.toString(), author, null, body, false, submittedAt);
    }

    private static List<String> codes(Verdict verdict) {
        return verdict.findings().stream().map(Finding::code).toList();
    }

    @Test
    void aCopyOfAReviewAnotherInstanceJudgedIsRecognisedHereOnAnotherFilm() {
        String text = longText();
        Verdict original = otherInstance().assess(arrival("id-original-author", UUID.randomUUID(), text), FilmFacts.UNKNOWN);
        assertThat(codes(original)).doesNotContain("spam.duplicate");

        ReviewSubmitted copy = Fixtures.submit(kafka, Fixtures.submission(UUID.randomUUID(), "copier", text));
        JsonPath decided = Fixtures.awaitCase(copy.reviewId());
        assertThat(decided.getList("reasons.code", String.class)).contains("spam.duplicate");
        assertThat(decided.getList("reasons.message", String.class)).anyMatch(m -> m.contains("for another film"));
    }

    @Test
    void anAuthorPostingThroughTwoInstancesGetsTheFloodAllowanceOfOne() {
        String author = "flooder-" + UUID.randomUUID();
        String text = "Best film ever made, go watch it now " + UUID.randomUUID();
        ModerationEngine other = otherInstance();
        for (int i = 0; i < config.floodAllowance(); i++) {
            assertThat(codes(other.assess(arrival("id-" + author, UUID.randomUUID(), text), FilmFacts.UNKNOWN)))
                    .as("post %d, within the allowance", i + 1).doesNotContain("spam.flood");
        }
        ReviewSubmitted beyond = Fixtures.submit(kafka, Fixtures.submission(UUID.randomUUID(), author, text));
        assertThat(Fixtures.awaitCase(beyond.reviewId()).getList("reasons.code", String.class)).contains("spam.flood");
    }

    @Test
    void copiesJudgedAtTheSameMomentOnTwoInstancesAreNeverAllTakenForOriginals() throws Exception {
        ModerationEngine here = engines.current();
        ModerationEngine other = otherInstance();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 5; round++) {
                String text = longText();
                // submitted at the same moment: whichever is judged first, the others count as its copies
                Instant submittedAt = Instant.now();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Verdict>> verdicts = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    ModerationEngine engine = i % 2 == 0 ? here : other;
                    Submission copy = arrival("author-" + round + "-" + i, UUID.randomUUID(), text, submittedAt);
                    verdicts.add(pool.submit(() -> {
                        start.await();
                        return engine.assess(copy, FilmFacts.UNKNOWN);
                    }));
                }
                start.countDown();
                int originals = 0;
                for (Future<Verdict> verdict : verdicts) {
                    if (!codes(verdict.get(60, TimeUnit.SECONDS)).contains("spam.duplicate")) {
                        originals++;
                    }
                }
                // One is first; every other one was judged after it, on whichever instance, and found it.
                assertThat(originals).as("round %d", round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLessonAnotherInstanceStoredChangesThisInstancesNextDecision() {
        String text = "Watch the full movie free at www.stream-" + UUID.randomUUID().toString().substring(0, 8)
                + ".example tonight, the ending is great.";
        double before = engines.current().assessText(arrival("probe", UUID.randomUUID(), text), FilmFacts.UNKNOWN).spamScore();

        // The other instance teaches its engine (from the newest stored state) and stores it, as EngineTraining does.
        ModerationEngine other = store.latest().map(m -> ModerationEngine.builder().settings(config.settings()).memory(memory)
                .restoring(m.snapshot).build())
                .orElseGet(this::otherInstance);
        other.learn(new ModeratorLesson(arrival("taught", UUID.randomUUID(), text), Outcome.REJECT));
        QuarkusTransaction.requiringNew().run(() -> store.save(other));

        assertThat(engines.current().decisionsLearned()).isEqualTo(other.decisionsLearned());
        ReviewSubmitted next = Fixtures.submit(kafka, Fixtures.submission(UUID.randomUUID(), "next-author", text));
        assertThat(Fixtures.awaitCase(next.reviewId()).getDouble("spamScore")).isGreaterThan(before);
    }
}
