package org.filmreviews.moderation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    @Test
    void assessLearnAndRememberRunTogether() throws Exception {
        ModerationEngine engine = ModerationEngine.builder().build();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        Submission s = new Submission("t" + thread + "-" + i, "f" + (i % 7), "a" + (i % 11), null,
                                "Review number " + i + " of a film with good acting and a story about two friends in the past.",
                                false, Instant.EPOCH.plusSeconds(i));
                        switch (thread) {
                            case 0 -> engine.assess(s, FilmFacts.UNKNOWN);
                            case 1 -> engine.learn(new ModeratorLesson(s, i % 2 == 0 ? Outcome.PUBLISH : Outcome.REJECT));
                            default -> engine.remember(s);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(engine.decisionsLearned()).isEqualTo(300);
        assertThat(engine.thresholds().decisions()).isEqualTo(300); // every decision reached the thresholds' window once
        byte[] snapshot = engine.snapshot();
        // Both classifiers read character 4-grams too, which fill more of their weights than words alone.
        assertThat(snapshot.length).isLessThan(600_000);
    }
}
