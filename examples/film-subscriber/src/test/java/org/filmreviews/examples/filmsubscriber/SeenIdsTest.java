package org.filmreviews.examples.filmsubscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeenIdsTest {

    @TempDir
    Path dir;

    @Test
    void idsSurviveAReopen() {
        Path file = dir.resolve("group.seen-ids");
        try (SeenIds seen = SeenIds.open(file, 100)) {
            seen.remember("a");
            seen.remember("b");
            assertThat(seen.contains("a")).isTrue();
            assertThat(seen.contains("c")).isFalse();
        }
        try (SeenIds reopened = SeenIds.open(file, 100)) {
            assertThat(reopened.contains("a")).isTrue();
            assertThat(reopened.contains("b")).isTrue();
            assertThat(reopened.contains("c")).isFalse();
            assertThat(reopened.size()).isEqualTo(2);
        }
    }

    @Test
    void idsWrittenButNeverClosedSurviveToo() throws IOException {
        // A process killed with SIGKILL closes nothing: what remember() wrote must already be in the file.
        Path file = dir.resolve("killed.seen-ids");
        SeenIds seen = SeenIds.open(file, 100);
        seen.remember("x1");
        seen.remember("x2");
        assertThat(Files.readAllLines(file)).containsExactly("x1", "x2");
        try (SeenIds reopened = SeenIds.open(file, 100)) {
            assertThat(reopened.contains("x2")).isTrue();
        }
        seen.close();
    }

    @Test
    void onlyTheNewestIdsAreKeptAndTheFileStaysBounded() throws IOException {
        Path file = dir.resolve("bounded.seen-ids");
        try (SeenIds seen = SeenIds.open(file, 10)) {
            for (int i = 0; i < 1_000; i++) {
                seen.remember("id-" + i);
                assertThat(Files.readAllLines(file).size()).isLessThan(20);
            }
            assertThat(seen.size()).isEqualTo(10);
            assertThat(seen.contains("id-989")).isFalse();
            assertThat(seen.contains("id-990")).isTrue();
            assertThat(seen.contains("id-999")).isTrue();
        }
        try (SeenIds reopened = SeenIds.open(file, 10)) {
            assertThat(reopened.size()).isEqualTo(10);
            assertThat(reopened.contains("id-989")).isFalse();
            assertThat(reopened.contains("id-990")).isTrue();
            assertThat(Files.readAllLines(file)).hasSize(10);
        }
    }

    @Test
    void rememberingAnIdAgainChangesNothing() throws IOException {
        Path file = dir.resolve("again.seen-ids");
        try (SeenIds seen = SeenIds.open(file, 2)) {
            seen.remember("a");
            seen.remember("b");
            seen.remember("a");
            assertThat(seen.contains("a")).isTrue();
            assertThat(seen.contains("b")).isTrue();
            assertThat(Files.readAllLines(file)).containsExactly("a", "b");
        }
    }

    @Test
    void aSmallerCapacityOnReopenKeepsTheNewest() {
        Path file = dir.resolve("shrunk.seen-ids");
        try (SeenIds seen = SeenIds.open(file, 100)) {
            for (int i = 0; i < 50; i++) {
                seen.remember("id-" + i);
            }
        }
        try (SeenIds reopened = SeenIds.open(file, 5)) {
            assertThat(reopened.size()).isEqualTo(5);
            assertThat(reopened.contains("id-44")).isFalse();
            assertThat(reopened.contains("id-45")).isTrue();
            assertThat(reopened.contains("id-49")).isTrue();
        }
    }

    @Test
    void aLineCutInHalfByACrashIsDroppedAndTheNextIdStartsOnALineOfItsOwn() throws IOException {
        Path file = dir.resolve("torn.seen-ids");
        Files.writeString(file, "whole-1\nwhole-2\nhal", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        try (SeenIds seen = SeenIds.open(file, 100)) {
            assertThat(seen.contains("whole-2")).isTrue();
            assertThat(seen.contains("hal")).isFalse();
            seen.remember("next");
        }
        assertThat(Files.readAllLines(file)).containsExactly("whole-1", "whole-2", "next");
    }

    @Test
    void aMissingDirectoryIsCreatedAndNoTemporaryFileIsLeftBehind() throws IOException {
        Path file = dir.resolve("state/of/subscriber.seen-ids");
        try (SeenIds seen = SeenIds.open(file, 3)) {
            for (int i = 0; i < 20; i++) {
                seen.remember("id-" + i);
            }
        }
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("subscriber.seen-ids");
        }
    }

    @Test
    void anIdThatWouldBreakTheFileIsRefused() {
        try (SeenIds seen = SeenIds.open(dir.resolve("refuse.seen-ids"), 3)) {
            assertThatThrownBy(() -> seen.remember("two\nlines")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> seen.remember(" ")).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
