package org.filmreviews.examples.filmsubscriber;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * The command line: {@code <bootstrap-servers> <film-id> <group-id> [state-file]}, or {@code --help}.
 *
 * @param stateFile where the {@code ce_id}s already printed are kept; it belongs to the group, because the group's
 *     committed offsets and this file together say what was printed
 */
public record Options(String bootstrapServers, UUID filmId, String groupId, Path stateFile) {

    public static final String USAGE = String.join(System.lineSeparator(),
            "Usage: film-subscriber <bootstrap-servers> <film-id> <group-id> [state-file]",
            "",
            "Prints each review of one film when moderation publishes it, one line each, once.",
            "",
            "  bootstrap-servers  Kafka brokers, for example 127.0.0.1:9092",
            "  film-id            the film to follow (a UUID, as in /films/{id})",
            "  group-id           a consumer group of your own; run again with the same group to go on where it stopped",
            "  state-file         the ids already printed (default: ./<group-id>.seen-ids)",
            "",
            "Stop it with Ctrl-C or SIGTERM: it commits what it printed and leaves the group.");

    public Options {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrap servers are missing");
        }
        if (groupId == null || groupId.isBlank()) {
            throw new IllegalArgumentException("group id is missing");
        }
        if (filmId == null || stateFile == null) {
            throw new IllegalArgumentException("film id and state file are required");
        }
    }

    /** The options, or empty when help was asked for. */
    public static Optional<Options> parse(String... args) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            return Optional.empty();
        }
        if (args.length < 3 || args.length > 4) {
            throw new IllegalArgumentException("expected 3 or 4 arguments, got " + args.length);
        }
        UUID filmId;
        try {
            filmId = UUID.fromString(args[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("film id is not a UUID: " + args[1]);
        }
        Path state = args.length == 4 ? Path.of(args[3]) : Path.of(args[2] + ".seen-ids");
        return Optional.of(new Options(args[0], filmId, args[2], state));
    }
}
