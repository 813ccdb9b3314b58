package org.filmreviews.bench.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.filmreviews.devinfra.launch.LocalSystem;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the services spend their time while a part of the bench runs: a JFR recording (the JDK's own sampling
 * profiler with its {@code default} settings; the {@code profile} settings cost the front door four fifths of its
 * rate on two shared cores) of each service process, started and stopped with {@code jcmd}, read back with
 * {@code jdk.jfr.consumer} and summed up per service: CPU samples, the busiest threads, the hottest methods (self
 * time) and the project's own methods (inclusive time). The recordings stay under {@code bench/target/pipeline/} for
 * JDK Mission Control.
 */
final class Profiles {

    /** Methods of ours, and the few library calls whose inclusive time says which round trip costs what. */
    private static final List<String> INCLUSIVE_OF_INTEREST = List.of("org.filmreviews.",
            "org.postgresql.jdbc.PgPreparedStatement.execute",
            "org.hibernate.internal.SessionImpl.flush", "com.networknt.schema.Schema.validate", "io.quarkus.qute.TemplateImpl",
            "com.arjuna.ats.internal.jta.transaction.arjunacore.BaseTransaction.commit",
            "org.apache.kafka.clients.producer.KafkaProducer.send",
            "io.smallrye.jwt.auth.principal.DefaultJWTTokenParser.parse");

    /** Generated wrappers (CDI proxies and subclasses, lambdas, messaging invokers) that only repeat the method they call. */
    private static final List<String> WRAPPERS = List.of("_Subclass", "_ClientProxy", "$$Lambda", "SmallRyeMessagingInvoker",
            ".lambda$",
            "$$superforward");

    private final String name;
    private final Path directory;
    private final Map<String, Long> pids;

    private Profiles(String name, Path directory, Map<String, Long> pids) {
        this.name = name;
        this.directory = directory;
        this.pids = pids;
    }

    /** Starts recording every service process found on this machine (none found: nothing is recorded). */
    static Profiles start(String name, Path directory) throws Exception {
        Files.createDirectories(directory);
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String service : LocalSystem.SERVICES) {
            ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().map(c -> c.contains(service + "/target/quarkus-app/quarkus-run.jar"))
                            .orElse(false))
                    .findFirst().ifPresent(p -> pids.put(service, p.pid()));
        }
        Profiles profiles = new Profiles(name, directory, pids);
        // jcmd is a JVM of its own, slow to start on two busy cores: one per service at once.
        profiles.eachService(
                (service, pid) -> profiles.jcmd(pid, "JFR.start", "name=" + profiles.recordingName(), "settings=default"));
        return profiles;
    }

    /** Stops the recordings and sums them up, one line per service and finding. */
    List<String> stop() throws Exception {
        List<String> lines = new ArrayList<>();
        eachService((service, pid) -> {
            Path file = file(service);
            Files.deleteIfExists(file);
            jcmd(pid, "JFR.stop", "name=" + recordingName(), "filename=" + file);
        });
        for (String service : pids.keySet()) {
            lines.addAll(summary(service, file(service)));
        }
        if (pids.isEmpty()) {
            lines.add("no service process found to profile");
        }
        return lines;
    }

    private Path file(String service) {
        return directory.resolve(name + "-" + service + ".jfr");
    }

    private interface ServiceAction {
        void run(String service, long pid) throws Exception;
    }

    private void eachService(ServiceAction action) throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        pids.forEach((service, pid) -> threads.add(new Thread(() -> {
            try {
                action.run(service, pid);
            } catch (Exception e) {
                failures.add(e);
            }
        }, "jcmd-" + service)));
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    private String recordingName() {
        return "bench-" + name;
    }

    private void jcmd(long pid, String... command) throws IOException, InterruptedException {
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        List<String> line = new ArrayList<>(List.of(java.resolveSibling("jcmd").toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + output);
        }
    }

    private static List<String> summary(String service, Path file) throws IOException {
        Map<String, Integer> threads = new HashMap<>();
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        int total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            total++;
            var thread = event.getThread("sampledThread");
            String threadName = thread == null || thread.getJavaName() == null ? "?"
                    : thread.getJavaName().replaceAll("[-\\d]+$", "");
            threads.merge(threadName, 1, Integer::sum);
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (!frames.isEmpty()) {
                self.merge(method(frames.get(0).getMethod()), 1, Integer::sum);
            }
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String method = method(frame.getMethod());
                if (seen.add(method) && INCLUSIVE_OF_INTEREST.stream().anyMatch(method::startsWith)
                        && WRAPPERS.stream().noneMatch(method::contains)) {
                    inclusive.merge(method, 1, Integer::sum);
                }
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%s: %,d CPU samples (%s)", service, total, file.getFileName()));
        lines.add("  threads: " + top(threads, total, 4));
        lines.add("  hottest methods (self): " + top(self, total, 6));
        lines.add("  our methods and round trips (inclusive): " + top(inclusive, total, 10));
        return lines;
    }

    private static String method(RecordedMethod method) {
        return method.getType().getName() + "." + method.getName();
    }

    private static String top(Map<String, Integer> counts, int total, int limit) {
        if (total == 0) {
            return "—";
        }
        return String.join("; ",
                counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                        .map(e -> String.format(Locale.ROOT, "%.0f%% %s", 100.0 * e.getValue() / total, e.getKey())).toList());
    }
}
