package org.filmreviews.bench.pipeline;

import java.util.List;

/**
 * How long and how much each measurement runs. {@link #full()} is the benchmark; {@link #smoke()} only proves in
 * seconds that every part runs and the report is written (its figures mean nothing).
 *
 * @param films films the reviews are spread over (each followed live by the bench)
 * @param reviewers accounts that write them; films x reviewers bounds how many reviews one run can post
 * @param seconds length of each closed-loop or baseline measurement, after {@code warmupSeconds}
 * @param postConnections closed-loop connection counts tried for the knee of accepted submissions
 * @param stepRates open-loop submission rates (reviews/s), stepped up until the pipeline falls behind
 * @param stepSeconds how long each step posts
 * @param roundTripRate produce-consume round trips per second for the Kafka latency baseline
 * @param getConnections closed-loop connections for the page reads and the bare GET
 * @param systemWarmupSeconds reviews posted (16 connections) and drained before anything is measured: the services'
 *        JIT compilers otherwise take more than half of a freshly started service's CPU in the first minutes, and the
 *        figures would be those of a cold system
 * @param largePageReviews reviews on the film whose page (4) also reads, written straight into the catalog's rows
 * @param logEvents review events of the log (5) rebuilds the page data from, written to the topics of a system of the
 *        bench's own; 0: (5) rebuilds from what the run itself left on the topics
 * @param profileEveryPart JFR profiles of the front door, the drain and the page reads too, not only of the rebuild
 *        (each costs a JFR start per service and a read of its recording: half a minute of a smoke run)
 */
public record Sizes(int films, int reviewers, double warmupSeconds, double seconds, List<Integer> postConnections,
        List<Integer> stepRates, double stepSeconds, int roundTripRate, int getConnections, double systemWarmupSeconds,
        int largePageReviews, long logEvents, boolean profileEveryPart) {

    public static Sizes full() {
        return new Sizes(100, 300, 3, 10, List.of(4, 16, 64), List.of(25, 50, 100, 200, 400), 15, 50, 32, 45, 100_000,
                1_000_000, true);
    }

    public static Sizes smoke() {
        return new Sizes(6, 12, 0.2, 0.5, List.of(1), List.of(4), 1.5, 20, 2, 0.3, 200, 0, false);
    }
}
