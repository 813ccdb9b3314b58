package org.filmreviews.examples.filmsubscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class OptionsTest {

    private static final String FILM = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";

    @Test
    void threeArgumentsKeepTheStateBesideTheWorkingDirectoryUnderTheGroupsName() {
        Options options = Options.parse("127.0.0.1:9092", FILM, "team-x").orElseThrow();
        assertThat(options.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(options.filmId()).isEqualTo(UUID.fromString(FILM));
        assertThat(options.groupId()).isEqualTo("team-x");
        assertThat(options.stateFile()).isEqualTo(Path.of("team-x.seen-ids"));
    }

    @Test
    void aFourthArgumentIsTheStateFile() {
        assertThat(Options.parse("b:1", FILM, "g", "/var/lib/x/seen").orElseThrow().stateFile())
                .isEqualTo(Path.of("/var/lib/x/seen"));
    }

    @Test
    void helpIsAskedForWithHelpOrH() {
        assertThat(Options.parse("--help")).isEmpty();
        assertThat(Options.parse("b:1", FILM, "g", "-h")).isEmpty();
        assertThat(Options.USAGE).contains("<bootstrap-servers> <film-id> <group-id> [state-file]");
    }

    @Test
    void wrongArgumentsAreRefusedWithAReason() {
        assertThatThrownBy(Options::parse).hasMessageContaining("expected 3 or 4 arguments, got 0");
        assertThatThrownBy(() -> Options.parse("b:1", FILM)).hasMessageContaining("got 2");
        assertThatThrownBy(() -> Options.parse("b:1", "not-a-film", "g")).hasMessageContaining("not a UUID");
        assertThatThrownBy(() -> Options.parse(" ", FILM, "g")).hasMessageContaining("bootstrap servers");
        assertThatThrownBy(() -> Options.parse("b:1", FILM, "")).hasMessageContaining("group id");
    }
}
