package org.filmreviews.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.filmreviews.platform.problem.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CursorCodecTest {

    @Test
    void aCursorHandedOutReadsBackAsTheSameKey() {
        KeysetCursor cursor = new KeysetCursor(Instant.parse("2026-12-06T10:15:30.123456789Z"), UUID.randomUUID());
        assertThat(KeysetCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "300000000000:0:00000000-0000-0000-0000-000000000001", // year 11,476: past PostgreSQL's range of 294,276 would be too
            "9223372036854775807:0:00000000-0000-0000-0000-000000000001", // Long.MAX_VALUE seconds
            "-62167219200:0:00000000-0000-0000-0000-000000000001", // year 0
            "1700000000:1000000000:00000000-0000-0000-0000-000000000001", // a nanosecond field that overflows into seconds
            "1700000000:-1:00000000-0000-0000-0000-000000000001",
            "1700000000:0:1-1-1-1-1", // UUID.fromString takes it; no cursor of ours looks like it
            "1700000000:0",
            "1700000000:0:00000000-0000-0000-0000-000000000001:extra",
            "1e9:0:00000000-0000-0000-0000-000000000001",
            "+1700000000:0:00000000-0000-0000-0000-000000000001"})
    void aForgedKeyIsRefusedNamingTheCursor(String raw) {
        assertThatThrownBy(() -> KeysetCursor.decode(CursorCodec.encode(raw)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errors()).extracting(f -> f.field()).containsExactly("cursor");
                });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"abc!", "%%%", "====", "a"})
    void whatIsNotBase64IsRefused(String cursor) {
        assertThatThrownBy(() -> KeysetCursor.decode(cursor)).isInstanceOf(ProblemException.class);
    }

    @Test
    void anOverlongCursorIsRefusedBeforeItIsDecoded() {
        assertThatThrownBy(() -> CursorCodec.parts("A".repeat(CursorCodec.MAX_LENGTH + 1), 3))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void aTextPartWithAControlCharacterIsRefused() {
        assertThat(CursorCodec.text("the film: part 2", 100)).isEqualTo("the film: part 2");
        assertThatThrownBy(() -> CursorCodec.text("nul\u0000byte", 100)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> CursorCodec.text("x".repeat(101), 100)).isInstanceOf(ProblemException.class);
    }
}
