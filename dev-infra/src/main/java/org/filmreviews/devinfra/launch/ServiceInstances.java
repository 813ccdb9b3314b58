package org.filmreviews.devinfra.launch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.filmreviews.devinfra.keys.JwtKeys;
import org.filmreviews.devinfra.postgres.PostgresServer;

/**
 * The packaged services' processes: each service's environment, its instances by number (1 is the one that creates
 * the topics and migrates the database; 2 and up join its consumer groups), and starting, stopping and killing them.
 * A stopped or killed instance keeps its number and port until it is started again.
 */
final class ServiceInstances {

    /** Longest wait for a started instance to report ready. */
    private static final Duration READY_WITHIN = Duration.ofSeconds(120);

    private final SystemOptions options;
    /** Instance 1 of each service, as {@link LocalSystem#services()} has always shown them. */
    private final Map<String, ServiceProcess> first = new LinkedHashMap<>();
    /** Instances 2 and up, by service and number; stopped and killed ones stay until started again. */
    private final Map<String, SortedMap<Integer, ServiceProcess>> more = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> environments = new LinkedHashMap<>();

    ServiceInstances(SystemOptions options) {
        this.options = options;
        for (String service : LocalSystem.SERVICES) {
            more.put(service, new TreeMap<>());
        }
    }

    /** Each service's environment: its database, the broker, the keys, and what the options add. */
    void configure(PostgresServer postgres, String kafkaBootstrap, JwtKeys keys) {
        for (String service : LocalSystem.SERVICES) {
            Map<String, String> env = new LinkedHashMap<>(
                    ServiceEnvironment.of(postgres, LocalSystem.databaseOf(service), kafkaBootstrap,
                            keys, service.equals("review-service")));
            env.put("QUARKUS_PROFILE", "local");
            env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
            if (service.equals("moderation-service")) {
                // The console signs moderators in through review-service's token endpoint (instance 1's).
                env.put("FILMREVIEWS_REVIEW_SERVICE_URL", "http://127.0.0.1:" + options.servicePorts().get("review-service"));
            }
            if (options.brokers() > 1) {
                // FILMREVIEWS_TOPICS_*: TopicsConfig (filmreviews.topics.replication-factor, .min-insync-replicas)
                env.put("FILMREVIEWS_TOPICS_REPLICATION_FACTOR", Integer.toString(Math.min(3, options.brokers())));
                env.put("FILMREVIEWS_TOPICS_MIN_INSYNC_REPLICAS", Integer.toString(Math.min(2, options.brokers())));
            }
            env.putAll(options.environment());
            ServiceEnvironment.chooseTracing(env);
            environments.put(service, env);
        }
    }

    /**
     * Starts the options' instances of every service, instance 1 of each first: it creates the topics and migrates the
     * database before the others join its groups. Each is reported as it comes up.
     */
    void startAll(Progress progress) {
        LocalSystem.log(options.instances() == 1 ? "Starting the services…"
                : "Starting the services, " + options.instances() + " instances each…");
        for (int instance = 1; instance <= options.instances(); instance++) {
            long launched = progress.mark();
            List<ServiceProcess> starting = new ArrayList<>();
            for (String service : LocalSystem.SERVICES) {
                ServiceProcess process = launch(service, instance, options.servicePort(service, instance));
                put(service, instance, process);
                starting.add(process);
            }
            // Awaited side by side, so that each is reported as it comes up.
            ManagedProcess.allAtOnce(starting, service -> {
                service.awaitReady(READY_WITHIN);
                LocalSystem.log(service.label() + " ready at " + service.url() + ", health, metrics and OpenAPI at "
                        + service.managementUrl() + "/q " + progress.since(launched));
            });
            if (instance == 1 && options.instances() > 1) {
                LocalSystem.log("Starting the further instances…");
            }
        }
    }

    private ServiceProcess launch(String service, int instance, int port) {
        Path jar = options.projectDirectory().resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        return ServiceProcess.start(service, instance, jar, port, environments.get(service), options.runDirectory());
    }

    /** Starts an instance again on the port it had, or a new one on its own port. */
    private ServiceProcess launch(String service, int instance) {
        ServiceProcess before = find(service, instance);
        return launch(service, instance, before != null ? before.port() : options.servicePort(service, instance));
    }

    /** Instance 1 of each service, by name. */
    Map<String, ServiceProcess> first() {
        return first;
    }

    ServiceProcess find(String service, int instance) {
        requireService(service);
        return instance == 1 ? first.get(service) : more.get(service).get(instance);
    }

    private void put(String service, int instance, ServiceProcess process) {
        if (instance == 1) {
            first.put(service, process);
        } else {
            more.get(service).put(instance, process);
        }
    }

    /** Every instance of every service, running or not. */
    List<ServiceProcess> all() {
        List<ServiceProcess> all = new ArrayList<>(first.values());
        more.values().forEach(instances -> all.addAll(instances.values()));
        return all;
    }

    private static void requireService(String service) {
        if (!LocalSystem.SERVICES.contains(service)) {
            throw new IllegalArgumentException("No service " + service + "; the services are " + LocalSystem.SERVICES);
        }
    }

    /** The numbers of the service's instances started so far (running now or stopped), in order. */
    List<Integer> numbers(String service) {
        requireService(service);
        List<Integer> numbers = new ArrayList<>();
        if (first.containsKey(service)) {
            numbers.add(1);
        }
        numbers.addAll(more.get(service).keySet());
        return numbers;
    }

    ServiceProcess instance(String service, int instance) {
        ServiceProcess process = find(service, instance);
        if (process == null) {
            throw new IllegalArgumentException(service + " has no instance " + instance + "; it has " + numbers(service));
        }
        return process;
    }

    /** Starts a stopped or killed instance again on its port, or a new one, and waits until it is ready. */
    void start(String service, int instance) {
        if (instance < 1) {
            throw new IllegalArgumentException("Instances are numbered from 1, not " + instance);
        }
        ServiceProcess before = find(service, instance);
        if (before != null && before.isAlive()) {
            throw new IllegalStateException(before.label() + " runs");
        }
        ServiceProcess process = launch(service, instance);
        put(service, instance, process);
        process.awaitReady(READY_WITHIN);
    }

    /** Starts every stopped instance again, each service with its {@code changes} from now on, all at once. */
    void startStopped(Map<String, Map<String, String>> changes) {
        List<ServiceProcess> starting = new ArrayList<>();
        for (String service : LocalSystem.SERVICES) {
            environments.get(service).putAll(changes.getOrDefault(service, Map.of()));
            for (int instance : numbers(service)) {
                if (!find(service, instance).isAlive()) {
                    ServiceProcess process = launch(service, instance);
                    put(service, instance, process);
                    starting.add(process);
                }
            }
        }
        for (ServiceProcess process : starting) {
            process.awaitReady(READY_WITHIN);
        }
    }

    /** Starts instance 1 again (stopping it first if it runs) with {@code changes} from now on, and waits until it is ready. */
    void restartFirst(String service, Map<String, String> changes) {
        environments.get(service).putAll(changes);
        ServiceProcess old = first.get(service);
        if (old.isAlive()) {
            old.close();
        }
        ServiceProcess process = launch(service, 1, old.port());
        first.put(service, process);
        process.awaitReady(READY_WITHIN);
    }

    /** Stops every instance, all at once; one that does not stop cleanly is reported, and forgets them all. */
    void closeAll() {
        ManagedProcess.allAtOnce(all(), service -> {
            try {
                service.close();
            } catch (RuntimeException e) {
                LocalSystem.log("Could not stop " + service.label() + " cleanly: " + e.getMessage());
            }
        });
        first.clear();
        more.values().forEach(Map::clear);
    }
}
