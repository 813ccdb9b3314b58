package org.filmreviews.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.filmreviews.devinfra.launch.LocalSystem;
import org.filmreviews.devinfra.launch.SystemOptions;
import org.filmreviews.systemtests.tracing.TraceCollector;

/**
 * One running system for the test classes that only add data of their own to it (their own films, accounts and
 * reviews; the seed film is only read), started on first use and stopped when the test JVM ends: each start of
 * the three services and the servers costs most of a minute. A class that stops, kills or reconfigures parts of
 * its system, or needs the seed film untouched, starts its own.
 */
public final class SharedSystem {

    private static LocalSystem system;
    private static TraceCollector traces;

    private SharedSystem() {
    }

    public static synchronized LocalSystem get() {
        if (system == null) {
            Path project = Path.of(System.getProperty("filmreviews.project.dir", "..")).toAbsolutePath().normalize();
            // The services export their spans to a collector of the test's own (OTLP over HTTP), quickly.
            traces = TraceCollector.start();
            Map<String, String> tracing = Map.of(
                    "FILMREVIEWS_OTLP_ENDPOINT", traces.endpoint(),
                    "QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                    "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms",
                    // the log format of production (compose, Kubernetes), which TracingIT reads
                    "QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true");
            try {
                system = LocalSystem.start(SystemOptions.isolated(project, Files.createTempDirectory("film-reviews-shared"))
                        .withEnvironment(tracing));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            LocalSystem started = system;
            TraceCollector collector = traces;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                collector.close();
            }, "shared-system-stop"));
        }
        return system;
    }

    /** The spans the shared system's services exported. */
    public static synchronized TraceCollector traces() {
        get();
        return traces;
    }
}
