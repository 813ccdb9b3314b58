package org.filmreviews.devinfra.launch;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One packaged Quarkus service ({@code target/quarkus-app/quarkus-run.jar}) running as a child process. */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int instance;
    private final int port;
    private final int managementPort;
    private final ManagedProcess process;

    private ServiceProcess(String name, int instance, int port, int managementPort, ManagedProcess process) {
        this.name = name;
        this.instance = instance;
        this.port = port;
        this.managementPort = managementPort;
        this.process = process;
    }

    /**
     * Starts the service with its API on {@code port} and its management interface (health, metrics, OpenAPI) on
     * {@code port + 1000} for a configured port (8081 gives 9081), on a free port otherwise; both on 127.0.0.1 only.
     */
    public static ServiceProcess start(String name, Path jar, int port, Map<String, String> environment, Path runDirectory) {
        return start(name, 1, jar, port, environment, runDirectory);
    }

    /**
     * Starts instance {@code instance} of the service, as {@link #start(String, Path, int, Map, Path)} does; instance 1
     * logs to {@code logs/<name>.log}, instance 2 to {@code logs/<name>-2.log} and so on.
     */
    public static ServiceProcess start(String name, int instance, Path jar, int port, Map<String, String> environment,
            Path runDirectory) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (mvn -DskipTests package)");
        }
        String label = label(name, instance);
        Ports.requireFree(port, label);
        // A configured port (8081) gets its neighbour (9081); a random one (tests) another random one: port + 1000
        // would land in the ephemeral range, where outgoing connections take ports at any time.
        int management = port < 10_000 && !Ports.inUse(port + 1000) ? port + 1000 : Ports.free();
        List<String> command = new java.util.ArrayList<>(List.of(ManagedProcess.javaExecutable(), "-Xms64m", "-Xmx384m"));
        command.addAll(extraJavaOptions());
        command.addAll(List.of("-jar", jar.toString()));
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(management));
        env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        ManagedProcess process = ManagedProcess.start(label, command, env,
                runDirectory.resolve(label + ".pid"), runDirectory.resolve("logs").resolve(label + ".log"));
        return new ServiceProcess(name, instance, port, management, process);
    }

    /**
     * JVM options for every service from {@code FILMREVIEWS_SERVICE_JAVA_OPTS} (split at spaces): CI gives services
     * that live a minute or two the C1 compiler only, which spends far less of two cores on compiling.
     */
    static List<String> extraJavaOptions() {
        String options = System.getenv("FILMREVIEWS_SERVICE_JAVA_OPTS");
        return options == null || options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
    }

    /** "review-service" for instance 1, "review-service-2" for instance 2: the names of its log and pid files. */
    static String label(String name, int instance) {
        return instance == 1 ? name : name + "-" + instance;
    }

    /** The service's name, the same for all its instances. */
    public String name() {
        return name;
    }

    /** Which instance of the service this is, from 1. */
    public int instance() {
        return instance;
    }

    /** The service's name, with the instance number from instance 2 on: for messages and file names. */
    public String label() {
        return label(name, instance);
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Where health ({@code /q/health/...}), metrics ({@code /q/metrics}) and {@code /q/openapi} are served. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public Path logFile() {
        return process.logFile();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until {@code /q/health/ready} answers 200: database migrated, Kafka reachable. */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(3)).build();
        while (System.nanoTime() < deadline) {
            process.requireAlive();
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + label(), e);
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + label(), e);
            }
        }
        throw new IllegalStateException(label() + " was not ready within " + timeout.toSeconds() + " s; last lines of "
                + process.logFile() + ":\n" + ManagedProcess.tail(process.logFile(), 40));
    }

    /** Kills the service without letting it finish anything (SIGKILL). */
    public void crash() {
        process.kill();
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(20));
    }
}
