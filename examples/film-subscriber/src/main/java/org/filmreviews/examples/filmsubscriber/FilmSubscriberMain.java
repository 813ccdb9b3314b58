package org.filmreviews.examples.filmsubscriber;

import java.util.Optional;

/**
 * The program: {@code film-subscriber <bootstrap-servers> <film-id> <group-id> [state-file]}. Reviews go to stdout,
 * one a line, and everything else to stderr, so that stdout can be piped into another tool.
 */
public final class FilmSubscriberMain {

    private FilmSubscriberMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Optional<Options> parsed;
        try {
            parsed = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("film-subscriber: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (parsed.isEmpty()) {
            System.out.println(Options.USAGE);
            return;
        }

        FilmSubscriber subscriber = new FilmSubscriber(parsed.get(), System.err::println);
        // Ctrl-C and SIGTERM run the shutdown hooks and then end the JVM. The hook therefore wakes the consumer and
        // waits for this thread to commit and leave the group; without the wait the JVM would end mid-commit.
        Thread consuming = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            subscriber.wakeup();
            try {
                consuming.join(20_000); // the commit (10 s at most) and the close (5 s) fit
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "film-subscriber-stop"));

        try (subscriber) {
            subscriber.run(line -> {
                System.out.println(line);
                System.out.flush(); // a pipe is not a terminal: without the flush a reader would see nothing for a while
            });
        }
    }
}
