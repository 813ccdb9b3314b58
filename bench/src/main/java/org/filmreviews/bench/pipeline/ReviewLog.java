package org.filmreviews.bench.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.filmreviews.devinfra.test.EventTestClient;
import org.filmreviews.events.Decision;
import org.filmreviews.events.PublishedReview;
import org.filmreviews.events.Reason;
import org.filmreviews.events.ReviewDecided;
import org.filmreviews.events.ReviewVoted;
import org.filmreviews.events.ReviewWithdrawn;
import org.filmreviews.events.Scores;
import org.filmreviews.events.TextSpan;

/**
 * A log of review events of the size issue #16's part (5) asks for, written to the review topics as moderation-
 * and review-service write them (CloudEvents, film-id keys): per review a decision on version 1 (80% published,
 * 5% published as a spoiler, 10% held, 5% rejected), for one in ten an edit published as version 2, for three in a
 * hundred a withdrawal, and a run of helpful votes (0 to 6 events, tallies rising). From a fixed seed, so two runs
 * write the same log; it knows how many reviews must end up on their pages, which the rebuild's result is checked
 * against.
 */
final class ReviewLog {

    /** What was written. */
    record Written(long events, long reviews, long expectedVisible, double seconds, List<UUID> films) {

        double perSecond() {
            return seconds == 0 ? 0 : events / seconds;
        }
    }

    private static final String[] WORDS = ("the film a hero mirror quiet long scene camera score actor actress plot twist "
            + "slow brilliant dull ending first half second story city night light music moving honest strange cold warm "
            + "and but with without because every never always again what who where their this that").split(" ");
    private static final Scores SCORES = new Scores(0.02, 0.1);
    private static final List<Reason> REASONS = List.of(new Reason("bench", "A benchmark decision."));
    private static final int BURST = 20_000;

    private ReviewLog() {
    }

    /** Writes about {@code events} events over {@code films} films; stops at the first review that reaches the count. */
    static Written write(String bootstrapServers, long events, int films, long seed) {
        Random random = new Random(seed);
        List<UUID> filmIds = new ArrayList<>();
        for (int i = 0; i < films; i++) {
            filmIds.add(new UUID(random.nextLong(), random.nextLong()));
        }
        long started = System.nanoTime();
        long written = 0;
        long reviews = 0;
        long visible = 0;
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        try (EventTestClient kafka = new EventTestClient(bootstrapServers)) {
            List<Object> burst = new ArrayList<>();
            while (written + burst.size() < events) {
                UUID film = filmIds.get(random.nextInt(films));
                UUID review = new UUID(random.nextLong(), random.nextLong());
                Instant at = t0.plusSeconds(reviews);
                reviews++;
                int roll = random.nextInt(100);
                Decision first = roll < 80 ? Decision.PUBLISH : roll < 85 ? Decision.PUBLISH_SPOILER : roll < 95 ? Decision.HOLD
                        : Decision.REJECT;
                burst.add(decision(review, film, 1, first, random, at));
                boolean shown = first == Decision.PUBLISH || first == Decision.PUBLISH_SPOILER;
                long version = 1;
                if (random.nextInt(10) == 0) {
                    version = 2;
                    burst.add(decision(review, film, 2, Decision.PUBLISH, random, at));
                    shown = true;
                }
                int votes = random.nextInt(7);
                int helpful = 0;
                int notHelpful = 0;
                for (int tally = 1; tally <= votes; tally++) {
                    if (random.nextInt(4) == 0) {
                        notHelpful++;
                    } else {
                        helpful++;
                    }
                    burst.add(new ReviewVoted(review, film, version, tally, helpful, notHelpful, at));
                }
                if (random.nextInt(100) < 3) {
                    burst.add(new ReviewWithdrawn(review, film, version, at));
                    shown = false;
                }
                visible += shown ? 1 : 0;
                if (burst.size() >= BURST) {
                    written += send(kafka, burst);
                }
            }
            written += send(kafka, burst);
        }
        return new Written(written, reviews, visible, (System.nanoTime() - started) / 1e9, filmIds);
    }

    private static int send(EventTestClient kafka, List<Object> burst) {
        kafka.publishAll(burst, ReviewLog::filmKey, ReviewLog::reviewSubject);
        int sent = burst.size();
        burst.clear();
        return sent;
    }

    private static ReviewDecided decision(UUID review, UUID film, long version, Decision decision, Random random, Instant at) {
        if (decision == Decision.HOLD || decision == Decision.REJECT) {
            return new ReviewDecided(review, film, version, decision, SCORES, REASONS, null, "engine/bench", at);
        }
        String body = body(random);
        boolean spoiler = decision == Decision.PUBLISH_SPOILER;
        List<TextSpan> spans = spoiler ? List.of(new TextSpan(0, Math.min(40, body.length()))) : List.of();
        PublishedReview published = new PublishedReview("Reviewer " + (random.nextInt(5000)), "reviewer" + random.nextInt(5000),
                random.nextInt(11) == 0 ? null : 1 + random.nextInt(10), "Headline " + version, body, spoiler, spans, at);
        return new ReviewDecided(review, film, version, decision, SCORES, REASONS, published, "engine/bench", at);
    }

    /** 20 to 250 words: about 800 bytes on average, as the run's own reviews are. */
    private static String body(Random random) {
        int words = 20 + random.nextInt(231);
        StringBuilder text = new StringBuilder(words * 7);
        for (int i = 0; i < words; i++) {
            text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.append('.').toString();
    }

    /** Keyed by film, as the services key review events; the review is the CloudEvent's subject. */
    private static String filmKey(Object payload) {
        return filmAndReview(payload)[0].toString();
    }

    private static String reviewSubject(Object payload) {
        return filmAndReview(payload)[1].toString();
    }

    private static UUID[] filmAndReview(Object payload) {
        if (payload instanceof ReviewDecided d) {
            return new UUID[]{d.filmId(), d.reviewId()};
        } else if (payload instanceof ReviewVoted v) {
            return new UUID[]{v.filmId(), v.reviewId()};
        }
        ReviewWithdrawn w = (ReviewWithdrawn) payload;
        return new UUID[]{w.filmId(), w.reviewId()};
    }
}
