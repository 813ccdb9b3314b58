package org.filmreviews.devinfra.launch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code ./run.sh}: starts the whole system, prints where everything is, stops it all on Ctrl-C.
 * Options: {@code --fresh} (empty databases and broker), {@code --no-seed}.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws InterruptedException {
        List<String> arguments = List.of(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            System.out.println("Usage: ./run.sh [--fresh] [--no-seed]");
            System.out.println("  --fresh    start from empty databases and an empty broker");
            System.out.println("  --no-seed  do not load the seed film");
            System.out.println("Environment: KAFKA_BOOTSTRAP_SERVERS (a running broker instead of the embedded one),");
            System.out.println("  FILMREVIEWS_PG_URL, FILMREVIEWS_PG_USER, FILMREVIEWS_PG_PASSWORD (a PostgreSQL server instead of the embedded one)");
            return;
        }
        for (String argument : arguments) {
            if (!argument.equals("--fresh") && !argument.equals("--no-seed")) {
                System.err.println("Unknown option " + argument + "; try --help");
                System.exit(2);
            }
        }
        Path project = Path.of(System.getProperty("filmreviews.project.dir", ".")).toAbsolutePath().normalize();
        LocalSystem.Options options = LocalSystem.Options.defaults(project)
                .withFresh(arguments.contains("--fresh"))
                .withSeed(!arguments.contains("--no-seed"));

        CountDownLatch stopped = new CountDownLatch(1);
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

        system.seeded().ifPresent(seed -> awaitSeedPage(system, seed));
        printWhereEverythingIs(system, options);
        stopped.await();
    }

    private static void awaitSeedPage(LocalSystem system, SeedLoader.Result seed) {
        ApiClient api = new ApiClient();
        int expected = (int) java.util.stream.StreamSupport.stream(SeedLoader.seed().get("reviews").spliterator(), false)
                .filter(r -> !r.has("expected")).count();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode page = api.get(system.url("catalog-service") + "/films/" + seed.filmId(), null).body();
            if (page != null && page.path("reviews").path("items").size() >= Math.min(expected, 10)) {
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

    private static void printWhereEverythingIs(LocalSystem system, LocalSystem.Options options) {
        String catalog = system.url("catalog-service");
        StringBuilder text = new StringBuilder("\n  Film reviews is running\n\n");
        text.append(String.format("  review-service      %s   accounts, tokens, reviews%n", system.url("review-service")));
        text.append(String.format("  moderation-service  %s   moderation cases%n", system.url("moderation-service")));
        text.append(String.format("  catalog-service     %s   films and their pages%n", catalog));
        system.seeded().ifPresent(seed -> text.append(String.format("%n  Seed film page      %s/films/%s   (JSON for API clients, HTML in a browser)%n",
                catalog, seed.filmId())));
        text.append(String.format("  Moderation console  %s/console   (sign in as mia / mia)%n", system.url("moderation-service")));
        text.append(String.format("%n  Kafka               %s%n", system.kafkaBootstrapServers()));
        text.append(String.format("  PostgreSQL          %s%n", system.postgres().jdbcUrl("{reviews,moderation,catalog}")));
        text.append(String.format("  Logs                %s%n", options.runDirectory().resolve("logs")));
        text.append("  Demo accounts       alice, bob (reviewers), mia (moderator), admin; password = user name\n");
        text.append("\n  Press Ctrl-C to stop.\n");
        System.out.println(text);
    }
}
