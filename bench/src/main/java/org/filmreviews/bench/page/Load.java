package org.filmreviews.bench.page;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Closed-loop load: a fixed number of client threads, each sending its next request as soon as the last
 * one was answered, for a fixed time after a warm-up. Every latency is kept (no sampling), so the p99
 * is exact.
 */
public final class Load {

    /** One request; returns normally when it succeeded. */
    @FunctionalInterface
    public interface Request {
        void send(int thread) throws Exception;
    }

    /** What one measurement gave. */
    public record Result(String name, long requests, double seconds, double perSecond, double p50Millis, double p99Millis) {

        public String line() {
            return String.format(Locale.ROOT, "  %-52s %9.0f req/s   p50 %7.2f ms   p99 %7.2f ms", name, perSecond, p50Millis,
                    p99Millis);
        }
    }

    private Load() {
    }

    public static Result measure(String name, int threads, double warmupSeconds, double seconds, Request request)
            throws InterruptedException {
        long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        long end = warmupEnd + (long) (seconds * 1e9);
        List<long[]> perThread = new ArrayList<>();
        int[] counts = new int[threads];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            long[] latencies = new long[1 << 16];
            perThread.add(latencies);
            int thread = t;
            Thread worker = new Thread(() -> {
                long[] mine = latencies;
                try {
                    while (true) {
                        long start = System.nanoTime();
                        if (start >= end) {
                            break;
                        }
                        request.send(thread);
                        long took = System.nanoTime() - start;
                        if (start >= warmupEnd) {
                            if (counts[thread] == mine.length) {
                                mine = Arrays.copyOf(mine, mine.length * 2);
                                perThread.set(thread, mine);
                            }
                            mine[counts[thread]++] = took;
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }, "load-" + t);
            worker.start();
        }
        done.await();
        if (failure.get() != null) {
            throw new IllegalStateException(name + " failed", failure.get());
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(perThread.get(t), 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        return new Result(name, total, seconds, total / seconds, percentile(all, 0.50) / 1e6, percentile(all, 0.99) / 1e6);
    }

    /** Nearest-rank percentile. */
    public static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
