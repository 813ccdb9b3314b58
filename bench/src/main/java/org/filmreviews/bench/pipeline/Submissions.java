package org.filmreviews.bench.pipeline;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.filmreviews.bench.page.Load;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Reviews posted through the public API: closed-loop for the front door, open-loop for the pipeline behind it. */
final class Submissions {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One review accepted: its id and when its POST was sent. */
    record Posted(String id, long sentAt) {
    }

    /**
     * One open-loop step: the rate asked, what was accepted, how many were final when the step ended and later, and the
     * lag (reviews accepted and not yet final) averaged over the middle fifth of the step and over its last fifth.
     */
    record Step(int rate, int accepted, int failed, int finalAtEnd, int finalAfterGrace, double finalPerSecond,
            double lagAtMiddle,
            double lagAtEnd) {

        /**
         * The pipeline kept up: nothing failed, everything became final, and the lag did not grow over the second half
         * of the step by more than half a second of reviews (a pipeline slower than the rate falls further behind every
         * second; one that keeps up holds a steady lag, whatever its latency).
         */
        boolean keptUp() {
            return failed == 0 && finalAfterGrace == accepted && lagAtEnd <= lagAtMiddle + Math.max(2, rate / 2.0);
        }
    }

    private final BenchTarget target;
    private final Sizes sizes;
    private final Cast cast;
    /** Every review accepted so far, to wait for the pipeline to drain between measurements. */
    private final ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    Submissions(BenchTarget target, Sizes sizes, Cast cast) {
        this.target = target;
        this.sizes = sizes;
        this.cast = cast;
    }

    /** Posts one review of an unused (reviewer, film) pair; returns its id, or throws unless it was accepted (202). */
    String post() throws Exception {
        Cast.Pair pair = cast.next();
        String body = JSON
                .writeValueAsString(Map.of("rating", 1 + Math.floorMod(pair.film().hashCode(), 10), "body", cast.text()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(target.reviewUrl() + "/films/" + pair.film() + "/reviews"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + pair.token()).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("POST review: HTTP " + response.statusCode() + " " + response.body());
        }
        String id = JSON.readTree(response.body()).path("id").asText();
        accepted.add(id);
        return id;
    }

    /** What draining the backlog took: reviews still on their way at the start, seconds, and whether all got through. */
    record Drain(int waiting, double seconds, boolean complete) {

        double perSecond() {
            return seconds > 0 ? waiting / seconds : 0;
        }
    }

    /** Waits (at most {@code limitSeconds}) until every review accepted so far is final. */
    Drain drain(Visibility visibility, double limitSeconds) throws InterruptedException {
        List<String> waiting = accepted.stream().filter(id -> !visibility.isFinal(id)).toList();
        long start = System.nanoTime();
        long deadline = start + (long) (limitSeconds * 1e9);
        List<String> left = waiting;
        long nextWord = start + 10_000_000_000L;
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            left = left.stream().filter(id -> !visibility.isFinal(id)).toList();
            if (System.nanoTime() > nextWord) {
                System.out.printf("[pipeline] draining: %d of %d still on their way%n", left.size(), waiting.size());
                nextWord += 10_000_000_000L;
            }
        }
        return new Drain(waiting.size(), (System.nanoTime() - start) / 1e9, left.isEmpty());
    }

    /** (1) Accepted submissions per second at each connection count (closed loop); the knee is the best of them. */
    /** Posts closed loop at 16 connections for the system warm-up; nothing of it is a figure. */
    Load.Result warmUp() throws Exception {
        return Load.measure("warm-up, 16 connections", 16, 0, sizes.systemWarmupSeconds(), thread -> post());
    }

    /** Posts closed loop at this many connections for the measurement's length. */
    Load.Result closedLoop(int connections) throws Exception {
        return Load.measure("POST review, " + connections + " connections", connections, sizes.warmupSeconds(), sizes.seconds(),
                thread -> post());
    }

    List<Load.Result> knee() throws Exception {
        List<Load.Result> results = new ArrayList<>();
        for (int connections : sizes.postConnections()) {
            results.add(closedLoop(connections));
        }
        return results;
    }

    /**
     * Posts at a fixed rate for the step's length whatever the answers take (open loop), then counts how many of
     * the accepted reviews were final at the step's end and after a grace of a few seconds.
     */
    Step step(int rate, Visibility visibility, List<Posted> into) throws Exception {
        ConcurrentLinkedQueue<Posted> posted = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        int count = (int) Math.max(1, Math.round(rate * sizes.stepSeconds()));
        ExecutorService senders = Executors.newFixedThreadPool(Math.min(256, Math.max(4, rate)));
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long length = count * interval;
        // (when, lag) every 200 ms while the step posts
        List<long[]> lags = java.util.Collections.synchronizedList(new ArrayList<>());
        var sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> lags.add(new long[]{System.nanoTime() - start,
                posted.stream().filter(p -> !visibility.isFinal(p.id())).count()}), 0, 200, TimeUnit.MILLISECONDS);
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            senders.execute(() -> {
                long sent = System.nanoTime();
                try {
                    posted.add(new Posted(post(), sent));
                } catch (Exception e) {
                    failed.incrementAndGet();
                }
            });
        }
        senders.shutdown();
        senders.awaitTermination(60, TimeUnit.SECONDS);
        sampler.shutdownNow();
        long end = System.nanoTime();
        int finalAtEnd = (int) posted.stream().filter(p -> visibility.isFinal(p.id())).count();
        long graceEnd = end + TimeUnit.SECONDS.toNanos(Math.max(2, (long) sizes.stepSeconds()));
        while (System.nanoTime() < graceEnd && posted.stream().anyMatch(p -> !visibility.isFinal(p.id()))) {
            Thread.sleep(100);
        }
        int finalAfterGrace = (int) posted.stream().filter(p -> visibility.isFinal(p.id())).count();
        into.addAll(posted);
        return new Step(rate, posted.size(), failed.get(), finalAtEnd, finalAfterGrace, finalAtEnd / ((end - start) / 1e9),
                averageLag(lags, length * 2 / 5, length * 3 / 5), averageLag(lags, length * 4 / 5, length));
    }

    private static double averageLag(List<long[]> samples, long from, long to) {
        synchronized (samples) {
            return samples.stream().filter(s -> s[0] >= from && s[0] <= to).mapToLong(s -> s[1]).average().orElse(0);
        }
    }

    /** (3) Submit-to-visible latencies (ns, sorted) of the published reviews of a step run at {@code rate}. */
    long[] submitToVisible(int rate, Visibility visibility) throws Exception {
        List<Posted> posted = new ArrayList<>();
        step(rate, visibility, posted);
        return posted.stream().filter(p -> visibility.visibleAt(p.id()) != null)
                .mapToLong(p -> visibility.visibleAt(p.id()) - p.sentAt()).sorted().toArray();
    }

    static double percentileMillis(long[] sortedNanos, double p) {
        return Load.percentile(sortedNanos, p) / 1e6;
    }
}
