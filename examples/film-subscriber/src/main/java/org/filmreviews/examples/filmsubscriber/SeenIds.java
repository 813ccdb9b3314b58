package org.filmreviews.examples.filmsubscriber;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The {@code ce_id}s of the last {@code capacity} events this subscriber acted on, kept in a file so that they
 * survive a restart.
 *
 * <p>Kafka delivers at least once: after a crash the records since the last committed offset come again, and a
 * producer that retries can write one event twice (same {@code ce_id}, new offset). Both copies arrive close
 * behind the original, so remembering only the newest ids is enough; the bound keeps the file small however long
 * the subscriber runs.
 *
 * <p>The file is one id a line, appended to as ids are remembered and rewritten (to a temporary file, then moved
 * over it) when it holds twice the capacity and on every open. The rewrite on open also drops a line that a crash
 * cut in half. Not thread-safe: the consumer's thread is its only user.
 */
final class SeenIds implements AutoCloseable {

    /** Far more than one poll (500 records at most) of redelivered or retried records. */
    static final int DEFAULT_CAPACITY = 10_000;

    private final Path file;
    private final int capacity;
    /** Oldest first: the iteration order is the eviction order. */
    private final LinkedHashSet<String> ids = new LinkedHashSet<>();
    private FileChannel appender;
    private int linesInFile;

    private SeenIds(Path file, int capacity) {
        this.file = file;
        this.capacity = capacity;
    }

    /** Opens (or creates) the store in {@code file}, keeping the newest {@code capacity} ids found there. */
    static SeenIds open(Path file, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        SeenIds store = new SeenIds(file.toAbsolutePath(), capacity);
        try {
            if (Files.exists(store.file)) {
                List<String> lines = Files.readAllLines(store.file, StandardCharsets.UTF_8);
                boolean torn = !lines.isEmpty() && !endsWithNewline(store.file);
                for (int i = 0; i < lines.size() - (torn ? 1 : 0); i++) {
                    if (!lines.get(i).isBlank()) {
                        store.add(lines.get(i).strip());
                    }
                }
            }
            store.rewrite();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the seen-id file " + file, e);
        }
        return store;
    }

    boolean contains(String id) {
        return ids.contains(id);
    }

    int size() {
        return ids.size();
    }

    /**
     * Remembers an id, written through to the operating system at once, so that it survives a crash of this
     * process. {@link #sync()} makes it survive a crash of the machine too.
     */
    void remember(String id) {
        if (id.isBlank() || id.contains("\n") || id.contains("\r")) {
            throw new IllegalArgumentException("Not a storable id: " + id);
        }
        if (!add(id)) {
            return;
        }
        try {
            appender.write(ByteBuffer.wrap((id + "\n").getBytes(StandardCharsets.UTF_8)));
            if (++linesInFile >= 2 * capacity) {
                rewrite();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the seen-id file " + file, e);
        }
    }

    /** Forces the ids to the disk: called before the offsets are committed, so an id is never younger than its commit. */
    void sync() {
        try {
            appender.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot sync the seen-id file " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            if (appender != null && appender.isOpen()) {
                appender.force(false);
                appender.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the seen-id file " + file, e);
        }
    }

    /** Adds an id as the newest, evicting the oldest beyond the capacity; false when it was there already. */
    private boolean add(String id) {
        if (!ids.add(id)) {
            return false;
        }
        if (ids.size() > capacity) {
            Iterator<String> oldest = ids.iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    /** Replaces the file by exactly the ids held, atomically, and reopens it for appending. */
    private void rewrite() throws IOException {
        close();
        Path parent = file.getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        List<String> lines = new ArrayList<>(ids);
        Files.write(temporary, lines, StandardCharsets.UTF_8);
        try (FileChannel written = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            written.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        appender = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        linesInFile = lines.size();
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() == 0) {
                return true;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, channel.size() - 1);
            return last.get(0) == '\n';
        }
    }
}
