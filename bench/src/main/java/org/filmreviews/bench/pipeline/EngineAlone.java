package org.filmreviews.bench.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.filmreviews.moderation.engine.FilmFacts;
import org.filmreviews.moderation.engine.ModerationEngine;
import org.filmreviews.moderation.engine.Submission;

/** The shipped engine on the run's own review texts, one thread: what one core moderates without the service around it. */
final class EngineAlone {

    private EngineAlone() {
    }

    static double reviewsPerSecond(Cast cast, double seconds) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            texts.add(cast.text());
        }
        ModerationEngine engine = ModerationEngine.builder().build();
        FilmFacts film = new FilmFacts("Bench film", "Two friends cross a city in winter.", List.of("Sergei", "Andrei"));
        long n = 0;
        // warm-up, then the measured time
        for (long end = System.nanoTime() + (long) (Math.max(0.2, seconds / 3) * 1e9); System.nanoTime() < end; n++) {
            assess(engine, film, texts, n);
        }
        long start = System.nanoTime();
        long measured = 0;
        for (long end = start + (long) (seconds * 1e9); System.nanoTime() < end; n++, measured++) {
            assess(engine, film, texts, n);
        }
        return measured / ((System.nanoTime() - start) / 1e9);
    }

    private static void assess(ModerationEngine engine, FilmFacts film, List<String> texts, long n) {
        engine.assess(
                new Submission("r" + n, "f" + (n % 500), "a" + (n % 2000), null, texts.get((int) (n % texts.size())), false,
                        Instant.EPOCH.plusSeconds(n)),
                film);
    }
}
