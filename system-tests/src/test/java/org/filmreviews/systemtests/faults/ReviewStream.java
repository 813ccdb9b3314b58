package org.filmreviews.systemtests.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Reviews posted at a steady rate through the public API while a fault is injected, the way a careful
 * client posts them: each with an Idempotency-Key, and retried with the same key after a 503 (waiting
 * as long as Retry-After says), a refused connection or a timeout, until a deadline.
 */
final class ReviewStream {

    /** One review the client tried to post, and how that ended. */
    static final class Posted {
        final Cast.Pair pair;
        final String key = UUID.randomUUID().toString();
        final String body;
        final long firstTriedAt = System.nanoTime();
        volatile String id;
        volatile int lastStatus;
        volatile String lastAnswer;
        volatile int attempts;

        Posted(Cast.Pair pair, String body) {
            this.pair = pair;
            this.body = body;
        }

        boolean accepted() {
            return id != null;
        }

        String token() {
            return pair.reviewer().token();
        }
    }

    private final Cast cast;
    private final List<Posted> posted = new CopyOnWriteArrayList<>();
    private final ExecutorService clients = Executors.newFixedThreadPool(8);
    private final Thread pacer;
    private volatile long retryUntil = Long.MAX_VALUE;

    private ReviewStream(Cast cast, int perSecond, Duration length) {
        this.cast = cast;
        long interval = 1_000_000_000L / perSecond;
        long count = length.toSeconds() * perSecond;
        pacer = new Thread(() -> {
            long next = System.nanoTime();
            for (long i = 0; i < count; i++) {
                Posted review = new Posted(cast.nextPair(), cast.reviewText());
                posted.add(review);
                clients.submit(() -> post(cast, review, () -> retryUntil));
                next += interval;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    try {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "review-stream");
    }

    static ReviewStream start(Cast cast, int perSecond, Duration length) {
        ReviewStream stream = new ReviewStream(cast, perSecond, length);
        stream.pacer.start();
        return stream;
    }

    /** Waits for the stream to end and every post to be answered, retrying failed ones for at most {@code retryFor}. */
    List<Posted> finish(Duration retryFor) throws InterruptedException {
        pacer.join();
        retryUntil = System.nanoTime() + retryFor.toNanos();
        clients.shutdown();
        if (!clients.awaitTermination(retryFor.toSeconds() + 60, TimeUnit.SECONDS)) {
            clients.shutdownNow();
        }
        return List.copyOf(posted);
    }

    /**
     * Posts one review, retrying as a careful client does until {@code retryUntil} (of {@link System#nanoTime()}); with
     * several review-service instances each try goes to the next one, as behind a load balancer.
     */
    static void post(Cast cast, Posted review, java.util.function.LongSupplier retryUntil) {
        while (true) {
            review.attempts++;
            Http.Reply reply = Http.send("POST", cast.nextReviewUrl() + "/films/" + review.pair.filmId() + "/reviews",
                    review.token(),
                    Map.of("Idempotency-Key", review.key),
                    Map.of("rating", 1 + Math.abs(review.key.hashCode()) % 10, "body", review.body));
            review.lastStatus = reply.status();
            review.lastAnswer = reply.text();
            if (reply.status() == 202) {
                review.id = reply.body().get("id").asText();
                return;
            }
            // no answer, the server's trouble, or "still in progress": the same request again, with the same key
            boolean worthRetrying = reply.status() == -1 || reply.status() >= 500
                    || reply.status() == 409 && reply.header("Retry-After") != null;
            if (!worthRetrying || System.nanoTime() > retryUntil.getAsLong()) {
                return;
            }
            long pause = 1000;
            String retryAfter = reply.header("Retry-After");
            if (retryAfter != null) {
                pause = Math.min(10_000, Long.parseLong(retryAfter.trim()) * 1000);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
