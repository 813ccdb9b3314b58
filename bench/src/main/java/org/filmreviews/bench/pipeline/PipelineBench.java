package org.filmreviews.bench.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.filmreviews.bench.page.Load;
import org.filmreviews.devinfra.launch.LocalSystem;
import org.filmreviews.devinfra.launch.SystemOptions;
import org.filmreviews.devinfra.postgres.ExternalPostgresServer;

/**
 * The whole pipeline against this machine's own limits, in one run: the raw baselines first (PostgreSQL, Kafka,
 * a bare HTTP GET on the catalog's JVM), then the system through its public API, and a report under
 * {@code bench/target/pipeline/}. {@code bench/run.sh PipelineBench [--smoke] [--running]}:
 * <ul>
 * <li>without {@code --running} it starts its own system, as the system tests do (embedded PostgreSQL and Kafka,
 * the three packaged services on free ports, the per-author limits lifted);</li>
 * <li>with {@code --running} it measures the system ./run.sh started (8081, 8083, 9083, Kafka on 9092, PostgreSQL
 * on 15432), whose limits must be lifted as the README says;</li>
 * <li>{@code --smoke} runs every part for a moment: it shows the report is written, its figures mean nothing;</li>
 * <li>{@code --parts=1,2} measures only those parts (the baselines always), for working on one of them;</li>
 * <li>{@code --instances=2} starts that many instances of every service (as {@code ./run.sh --instances 2}) and
 * measures through instance 1's addresses, while the consumers share the partitions: (2) with 1 and with 2 instances
 * gives the scale-out ratio.</li>
 * </ul>
 */
public final class PipelineBench {

    /** What the system must allow for the bench: one client posting thousands of reviews and following every film. */
    public static final Map<String, String> LIFTED_LIMITS = Map.of(
            "FILMREVIEWS_REVIEWS_RATE_LIMIT_MAX", "1000000",
            "CATALOG_LIVE_MAX_READERS_PER_CLIENT", "1000");

    private PipelineBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        Sizes sizes = options.contains("--smoke") ? Sizes.smoke() : Sizes.full();
        Set<Integer> parts = options.stream().filter(o -> o.startsWith("--parts=")).findFirst()
                .map(o -> Arrays.stream(o.substring("--parts=".length()).split(",")).map(String::strip).map(Integer::valueOf)
                        .collect(Collectors.toSet()))
                .orElse(ALL_PARTS);
        Path project = Path.of(System.getProperty("filmreviews.project.dir", ".")).toAbsolutePath().normalize();
        Path out = project.resolve("bench/target/pipeline");
        if (options.contains("--running")) {
            BenchTarget target = new BenchTarget("http://127.0.0.1:8081", "http://127.0.0.1:8083", "http://127.0.0.1:9083",
                    "127.0.0.1:9092",
                    new ExternalPostgresServer("jdbc:postgresql://127.0.0.1:15432/postgres", "postgres", "postgres"), null);
            report(run(target, sizes, parts, "the system ./run.sh started"), out);
            return;
        }
        int instances = options.stream().filter(o -> o.startsWith("--instances=")).findFirst()
                .map(o -> Integer.parseInt(o.substring("--instances=".length()))).orElse(1);
        Path runDirectory = Files.createTempDirectory("film-reviews-bench");
        try (LocalSystem system = LocalSystem.start(SystemOptions.isolated(project, runDirectory).withSeed(false)
                .withInstances(instances).withEnvironment(LIFTED_LIMITS))) {
            report(run(BenchTarget.of(system), sizes, parts,
                    "a system of its own (embedded PostgreSQL and Kafka, packaged services, "
                            + instances + (instances == 1 ? " instance" : " instances") + " of each)"),
                    out);
        }
    }

    private static void report(PipelineReport report, Path out) throws Exception {
        for (Path file : report.write(out)) {
            System.out.println("wrote " + file);
        }
        System.out.println(report.markdown());
    }

    /** Measures everything, baselines first; usable against any running system (the system tests' smoke run). */
    public static PipelineReport run(BenchTarget target, Sizes sizes, String what) throws Exception {
        return run(target, sizes, ALL_PARTS, what);
    }

    /** Every numbered part of issue #16 this command measures. */
    static final Set<Integer> ALL_PARTS = Set.of(1, 2, 3, 4, 5, 6);

    /** Measures the baselines and the given parts. */
    static PipelineReport run(BenchTarget target, Sizes sizes, Set<Integer> parts, String what) throws Exception {
        PipelineReport report = new PipelineReport();
        report.context.put("when", Instant.now().toString());
        report.context.put("system", what);
        report.context.put("machine",
                Runtime.getRuntime().availableProcessors() + " processors, Java " + System.getProperty("java.version"));
        report.context.put("sizes", sizes.toString());
        report.context.put("parts", new java.util.TreeSet<>(parts).toString());

        log("baselines");
        Baselines baselines = new Baselines(target, sizes);
        Load.Result insert = baselines.postgresSingleRowInserts();
        double batched = baselines.postgresBatchedInserts();
        double produce = baselines.kafkaProduceRate();
        long[] roundTrips = baselines.kafkaRoundTrips();
        Load.Result bare = baselines.bareGet();
        double roundTripP99 = Submissions.percentileMillis(roundTrips, 0.99);
        report.baselines.add(fmt("PostgreSQL single-row 1 KB insert, 4 clients: %,.0f rows/s (p50 %.2f ms, p99 %.2f ms)",
                insert.perSecond(), insert.p50Millis(), insert.p99Millis()));
        report.baselines.add(fmt("PostgreSQL batched 1 KB insert (1,000 rows a transaction, 1 client): %,.0f rows/s", batched));
        report.baselines.add(fmt("Kafka produce, 1 KB, acks=all, idempotent: %,.0f records/s", produce));
        report.baselines.add(fmt("Kafka produce→consume round trip at %d/s: p50 %.2f ms, p99 %.2f ms", sizes.roundTripRate(),
                Submissions.percentileMillis(roundTrips, 0.5), roundTripP99));
        report.baselines
                .add(fmt("bare GET on the catalog's JVM, %d connections: %,.0f req/s (p99 %.2f ms)", sizes.getConnections(),
                        bare.perSecond(), bare.p99Millis()));
        report.curves.add(PipelineReport.curve("Kafka round trip", roundTrips));

        log("cast: " + sizes.films() + " films, " + sizes.reviewers() + " reviewers");
        Cast cast = Cast.create(target, sizes);

        // Before any load, so that it has the machine to itself as the raw limits had.
        double engine = parts.contains(6) ? EngineAlone.reviewsPerSecond(cast, sizes.seconds()) : Double.NaN;
        try (Visibility visibility = Visibility.follow(target, cast.films)) {
            Submissions submissions = new Submissions(target, sizes, cast);
            log("warm-up: " + sizes.systemWarmupSeconds() + " s of submissions, then a drain");
            Load.Result warm = submissions.warmUp();
            report.details.add("warm-up (not a figure): " + warm.line().strip());
            drained(report, "the warm-up", submissions.drain(visibility, DRAIN_LIMIT_SECONDS));
            if (parts.contains(1)) {
                log("(1) accepted submissions, closed loop");
                List<Load.Result> knee = submissions.knee();
                Load.Result best = knee.stream().max(Comparator.comparingDouble(Load.Result::perSecond)).orElseThrow();
                knee.forEach(r -> report.details.add("(1) " + r.line().strip()));
                report.figures.add(new PipelineReport.Figure("(1) accepted review POSTs/s at the knee (" + best.name() + ")",
                        best.perSecond(), "/s", "PostgreSQL single-row insert", insert.perSecond(), 0.5,
                        fmt("p50 %.1f ms, p99 %.1f ms", best.p50Millis(), best.p99Millis())));
                drained(report, "(1)", submissions.drain(visibility, DRAIN_LIMIT_SECONDS));
            }

            double sustained = Double.NaN;
            if (parts.contains(2)) {
                log("(2) sustained pipeline, open loop stepped up");
                List<Submissions.Step> steps = new ArrayList<>();
                List<Submissions.Posted> posted = new ArrayList<>();
                for (int rate : sizes.stepRates()) {
                    if (cast.left() < rate * sizes.stepSeconds() * 2) {
                        report.details.add(
                                "(2) stopped before " + rate + "/s: the cast has too few unused (reviewer, film) pairs left");
                        break;
                    }
                    Submissions.Step step = submissions.step(rate, visibility, posted);
                    steps.add(step);
                    report.details.add(fmt(
                            "(2) %d/s asked: %d accepted, %d failed, %d final at the step's end, %d after a grace;"
                                    + " %.1f final/s; lag %.0f reviews mid-step, %.0f at its end; kept up: %s",
                            step.rate(), step.accepted(),
                            step.failed(), step.finalAtEnd(), step.finalAfterGrace(), step.finalPerSecond(), step.lagAtMiddle(),
                            step.lagAtEnd(), step.keptUp()));
                    if (!step.keptUp()) {
                        break;
                    }
                }
                sustained = steps.stream().filter(Submissions.Step::keptUp).mapToDouble(Submissions.Step::finalPerSecond).max()
                        .orElse(0);
                long neverPublished = posted.stream().filter(p -> visibility.neverPublished(p.id())).count();
                report.details.add(fmt("(2) of %d reviews posted in the steps, %d were held or rejected by moderation",
                        posted.size(), neverPublished));
                report.figures.add(new PipelineReport.Figure("(2) reviews/s moderated and on their page, lag bounded",
                        sustained, "/s",
                        "PostgreSQL single-row insert", insert.perSecond(), 0.35, "highest open-loop step that kept up"));

                drained(report, "(2)", submissions.drain(visibility, DRAIN_LIMIT_SECONDS));
            }
            if (parts.contains(3)) {
                // Half of what (2) sustained; without (2), half of its first step.
                int half = (int) Math.max(1, Math.floor((Double.isNaN(sustained) ? sizes.stepRates().get(0) : sustained) / 2));
                log("(3) submit→visible at " + half + "/s");
                long[] toVisible = submissions.submitToVisible(half, visibility);
                report.curves.add(PipelineReport.curve("submit→visible at " + half + "/s", toVisible));
                report.figures.add(new PipelineReport.Figure("(3) submit→visible p99 at " + half + "/s",
                        Submissions.percentileMillis(toVisible, 0.99), "ms", "Kafka round trip p99", roundTripP99, 5.0,
                        fmt("p50 %.1f ms over %d reviews", Submissions.percentileMillis(toVisible, 0.5), toVisible.length)));

                drained(report, "(3)", submissions.drain(visibility, DRAIN_LIMIT_SECONDS));
            }
            if (parts.contains(4)) {
                log("(4) film page reads, on a film of the run and one with " + sizes.largePageReviews()
                        + " reviews written into"
                        + " the catalog's rows");
                Pages pages = new Pages(target, sizes);
                String large = pages.filmWith(sizes.largePageReviews());
                readPages(report, pages, cast.films.get(0), bare);
                readPages(report, pages, large, bare);
                if (sizes.profileEveryPart()) {
                    profilePages(report, pages, large);
                }
            }
            if (parts.contains(1) && sizes.profileEveryPart()) {
                profileSubmissions(report, sizes, submissions, visibility);
            }
        }

        if (parts.contains(6)) {
            report.figures.add(new PipelineReport.Figure("(6) moderation engine, reviews/s on one core", engine, "/s",
                    "the target itself (10,000/s)", 10_000, 1.0, "rules and linear models, one thread, before any load"));
        }
        if (parts.contains(5)) {
            ReviewLog.Written written = null;
            if (target.own() != null && sizes.logEvents() > 0) {
                log("(5) a log of " + sizes.logEvents() + " review events appended to the topics, the services restarted");
                written = Rebuild.appendLog(target.own(), sizes.logEvents(), LOG_FILMS);
                report.details.add(fmt(
                        "(5) the log: %,d events of %,d reviews on %d films (%,d to end up visible), written at %,.0f"
                                + " events/s",
                        written.events(), written.reviews(), LOG_FILMS, written.expectedVisible(), written.perSecond()));
            }
            log("(5) page data rebuilt from the review topics");
            Rebuild.Result rebuilt = Rebuild.run(target);
            String checked = "";
            if (written != null) {
                long visible = Rebuild.visibleOn(target, written.films());
                checked = visible == written.expectedVisible() ? "; the log's films show the expected " + visible + " reviews"
                        : "; WRONG: the log's films show " + visible + " reviews, not " + written.expectedVisible();
                report.details.add("(5) after the rebuild" + checked.substring(1));
            }
            report.figures.add(new PipelineReport.Figure(
                    "(5) page data rebuild, records/s (" + rebuilt.recordsRead() + " records: "
                            + (written == null ? "the run's own review topics"
                                    : "the run's and a log of " + written.events() + " events")
                            + ")",
                    rebuilt.perSecond(), "/s", "PostgreSQL batched insert", batched, 0.5,
                    fmt("%d events applied in %.1f s, one transaction%s", rebuilt.eventsApplied(),
                            rebuilt.tookMillis() / 1000.0, checked)));
            log("(5) profiled: the same rebuild again under JFR");
            Profiles rebuilding = Profiles.start("rebuild", PROFILES);
            Rebuild.Result again = Rebuild.run(target);
            report.profiles.put(fmt("(5) the rebuild, run again (%.1f s)", again.tookMillis() / 1000.0), rebuilding.stop());
        }
        return report;
    }

    // Profiles are recorded after the figures, each in a run of its own: JFR's sampling on two shared cores costs the
    // services enough to lower the figures it would watch.

    /** The front door at (1)'s most connections, then the pipeline draining the backlog it left. */
    private static void profileSubmissions(PipelineReport report, Sizes sizes, Submissions submissions, Visibility visibility)
            throws Exception {
        log("profiling the front door, then the pipeline's drain");
        int connections = sizes.postConnections().stream().max(Integer::compare).orElseThrow();
        Profiles frontDoor = Profiles.start("front-door", PROFILES);
        Load.Result posts = submissions.closedLoop(connections);
        report.profiles.put("POSTs at " + connections + " connections (" + Math.round(posts.perSecond()) + "/s under JFR)",
                frontDoor.stop());
        Profiles pipeline = Profiles.start("pipeline", PROFILES);
        Submissions.Drain drain = submissions.drain(visibility, DRAIN_LIMIT_SECONDS);
        report.profiles
                .put(fmt("the pipeline draining their backlog, nothing posted (%d reviews, %.1f/s under JFR)", drain.waiting(),
                        drain.perSecond()), pipeline.stop());
    }

    private static void profilePages(PipelineReport report, Pages pages, String film) throws Exception {
        Profiles reads = Profiles.start("pages", PROFILES);
        Load.Result read = pages.read(film, false);
        report.profiles.put("(4) JSON page reads of the large film (" + Math.round(read.perSecond()) + "/s under JFR)",
                reads.stop());
    }

    /** Where the JFR recordings are left. */
    private static final Path PROFILES = Path.of(System.getProperty("filmreviews.project.dir", "."))
            .resolve("bench/target/pipeline/profiles");

    /** Films the (5) log's reviews are spread over. */
    private static final int LOG_FILMS = 1000;

    /** (4) on one film: its page as JSON and as HTML, closed loop, against the bare GET. */
    private static void readPages(PipelineReport report, Pages pages, String film, Load.Result bare) throws Exception {
        int reviews = pages.reviewCount(film);
        for (boolean html : new boolean[]{false, true}) {
            Load.Result read = pages.read(film, html);
            report.details.add("(4) " + reviews + " reviews: " + read.line().strip());
            report.figures.add(new PipelineReport.Figure("(4) film page " + (html ? "HTML" : "JSON") + " GET/s, " + reviews
                    + " reviews on the film", read.perSecond(), "/s", "bare GET, same JVM", bare.perSecond(), 0.5,
                    fmt("p99 %.1f ms", read.p99Millis())));
        }
    }

    /** How long the pipeline may take to catch up between two measurements before the bench goes on regardless. */
    private static final double DRAIN_LIMIT_SECONDS = 600;

    /** The backlog a measurement left, drained before the next one starts (it would otherwise share the machine). */
    private static void drained(PipelineReport report, String after, Submissions.Drain drain) {
        log("drained after " + after + ": " + drain);
        report.details.add(fmt("after %s: %d reviews were still on their way; %s in %.1f s (%.1f reviews/s final while nothing"
                + " was posted)", after, drain.waiting(), drain.complete() ? "all final" : "NOT all final", drain.seconds(),
                drain.perSecond()));
    }

    private static void log(String step) {
        System.out.println("[pipeline] " + step);
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
