package org.filmreviews.devinfra.launch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code ./run.sh}: starts the whole system, prints where everything is, stops it all on Ctrl-C.
 * Options: {@code --fresh} (empty databases and broker), {@code --no-seed}, {@code --instances N} (of each service),
 * {@code --brokers N} (Kafka nodes in one cluster).
 */
public final class Launcher {

    /** Instances 2-9 of a service take ports 8181-8883 (100 apart), their management ports 9181-9883. */
    static final int MAX_INSTANCES = 9;
    /** Kafka nodes take ports 9092/9093, 9094/9095, …: nine end at 9109. */
    static final int MAX_BROKERS = 9;

    private Launcher() {
    }

    /** What the command line asked for; {@link #parse} refuses anything else. */
    record Arguments(boolean help, boolean fresh, boolean seed, int instances, int brokers) {
    }

    /** Thrown for a command line that cannot be run: the message says why, the exit code is 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    static Arguments parse(List<String> arguments) {
        boolean help = false;
        boolean fresh = false;
        boolean seed = true;
        int instances = 1;
        int brokers = 1;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            switch (argument) {
                case "--help", "-h" -> help = true;
                case "--fresh" -> fresh = true;
                case "--no-seed" -> seed = false;
                case "--instances" -> instances = number(arguments, ++i, "--instances", MAX_INSTANCES);
                case "--brokers" -> brokers = number(arguments, ++i, "--brokers", MAX_BROKERS);
                default -> {
                    if (argument.startsWith("--instances=")) {
                        instances = number(argument.substring("--instances=".length()), "--instances", MAX_INSTANCES);
                    } else if (argument.startsWith("--brokers=")) {
                        brokers = number(argument.substring("--brokers=".length()), "--brokers", MAX_BROKERS);
                    } else {
                        throw new UsageException("Unknown option " + argument + "; try --help");
                    }
                }
            }
        }
        return new Arguments(help, fresh, seed, instances, brokers);
    }

    private static int number(List<String> arguments, int index, String option, int max) {
        if (index >= arguments.size()) {
            throw new UsageException(option + " needs a number from 1 to " + max + ", e.g. " + option + " 2");
        }
        return number(arguments.get(index), option, max);
    }

    private static int number(String value, String option, int max) {
        int number;
        try {
            number = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a number from 1 to " + max + ", not \"" + value + "\"");
        }
        if (number < 1 || number > max) {
            throw new UsageException(option + " needs a number from 1 to " + max + ", not " + number);
        }
        return number;
    }

    static String usage() {
        return String.join("\n",
                "Usage: ./run.sh [--fresh] [--no-seed] [--instances N] [--brokers N]",
                "  --fresh          start from empty databases and an empty broker",
                "  --no-seed        do not load the seed film",
                "  --instances N    N instances of each service (1-" + MAX_INSTANCES + ", default 1): instance 1 on 8081-8083,",
                "                   instance 2 on 8181-8183, instance 3 on 8281-8283, …; same databases, same consumer groups",
                "  --brokers N      N Kafka nodes in one cluster (1-" + MAX_BROKERS + ", default 1) on 9092, 9094, 9096, …;",
                "                   with 3 the topics keep 3 copies, 2 needed, and any one node can be lost",
                "                   (changing N needs --fresh)",
                "Environment: KAFKA_BOOTSTRAP_SERVERS (a running broker instead of the embedded one; not with --brokers),",
                "  FILMREVIEWS_PG_URL, FILMREVIEWS_PG_USER, FILMREVIEWS_PG_PASSWORD (a PostgreSQL server instead of the embedded one)");
    }

    public static void main(String[] args) throws InterruptedException {
        Arguments arguments;
        try {
            arguments = parse(List.of(args));
        } catch (UsageException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (arguments.help()) {
            System.out.println(usage());
            return;
        }
        Path project = Path.of(System.getProperty("filmreviews.project.dir", ".")).toAbsolutePath().normalize();
        SystemOptions options = SystemOptions.defaults(project)
                .withFresh(arguments.fresh())
                .withSeed(arguments.seed())
                .withInstances(arguments.instances())
                .withBrokers(arguments.brokers());
        if (options.externalKafka().isPresent() && options.brokers() > 1) {
            System.err.println("--brokers " + options.brokers() + " starts brokers of its own; unset KAFKA_BOOTSTRAP_SERVERS ("
                    + options.externalKafka().get() + ") or leave --brokers out");
            System.exit(2);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Progress progress = new Progress();
        LocalSystem system;
        try {
            system = LocalSystem.start(options);
        } catch (RuntimeException e) {
            System.err.println("[film-reviews] Could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LocalSystem.log("Stopping…");
            system.close();
            LocalSystem.log("Stopped.");
            stopped.countDown();
        }, "film-reviews-shutdown"));

        system.seeded().ifPresent(seed -> awaitSeedPage(system, seed, progress));
        printWhereEverythingIs(system, options);
        stopped.await();
    }

    private static void awaitSeedPage(LocalSystem system, SeedLoader.Result seed, Progress progress) {
        ApiClient api = new ApiClient();
        int expected = (int) java.util.stream.StreamSupport.stream(SeedLoader.seed().get("reviews").spliterator(), false)
                .filter(r -> !r.has("expected")).count();
        long step = progress.mark();
        LocalSystem.log("Waiting for the seed reviews to be moderated and reach the film page…");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode page = api.get(system.url("catalog-service") + "/films/" + seed.filmId(), null).body();
            int shown = page == null ? 0 : page.path("reviews").path("items").size();
            if (shown >= Math.min(expected, 10)) {
                LocalSystem.log("Seed film page complete, " + shown + " reviews " + progress.since(step));
                return;
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        LocalSystem.log("The seed reviews are still being moderated; the page fills in shortly");
    }

    private static void printWhereEverythingIs(LocalSystem system, SystemOptions options) {
        System.out.println(whereEverythingIs(system, options));
    }

    static String whereEverythingIs(LocalSystem system, SystemOptions options) {
        String catalog = system.url("catalog-service");
        StringBuilder text = new StringBuilder("\n  Film reviews is running\n\n");
        Map<String, String> what = Map.of("review-service", "accounts, tokens, reviews", "moderation-service",
                "moderation cases",
                "catalog-service", "films and their pages");
        for (String service : LocalSystem.SERVICES) {
            text.append(String.format("  %-18s  %s   %s%n", service, system.url(service), what.get(service)));
            for (int instance : system.instances(service)) {
                if (instance > 1) {
                    text.append(String.format("  %-18s  %s%n", "  instance " + instance, system.url(service, instance)));
                }
            }
        }
        text.append("\n  Health, metrics, OpenAPI (/q/health, /q/metrics, /q/openapi)\n");
        for (String service : LocalSystem.SERVICES) {
            StringBuilder urls = new StringBuilder();
            for (int instance : system.instances(service)) {
                urls.append(urls.length() == 0 ? "" : "  ").append(system.managementUrl(service, instance));
            }
            text.append(String.format("  %-18s  %s%n", service, urls));
        }
        system.seeded()
                .ifPresent(seed -> text.append(
                        String.format("%n  Seed film page      %s/films/%s   (JSON for API clients, HTML in a browser)%n",
                                catalog, seed.filmId())));
        text.append(
                String.format("  Moderation console  %s/console   (sign in as mia / mia)%n", system.url("moderation-service")));
        text.append(String.format("%n  Kafka               %s%n", system.kafkaBootstrapServers()));
        if (system.brokers() > 1) {
            text.append(String.format("                      %d brokers; topics with %d copies, %d needed for a write%n",
                    system.brokers(),
                    Math.min(3, system.brokers()), Math.min(2, system.brokers())));
        }
        text.append(String.format("  PostgreSQL          %s%n", system.postgres().jdbcUrl("{reviews,moderation,catalog}")));
        text.append(String.format("  Logs                %s%n", options.runDirectory().resolve("logs")));
        text.append("  Demo accounts       alice, bob (reviewers), mia (moderator), admin; password = user name\n");
        text.append("\n  Press Ctrl-C to stop.\n");
        return text.toString();
    }
}
