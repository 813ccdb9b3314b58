package org.filmreviews.moderation.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.filmreviews.platform.domain.InvalidInput;
import org.junit.jupiter.api.Test;

/** How a queue filter and cursor are read from a client's query, without starting the service. */
class QueueFilterTest {

    @Test
    void blankPartsFilterNothing() {
        assertThat(QueueFilter.parse(null, "", " ", null, "", null)).isEqualTo(QueueFilter.ALL);
    }

    @Test
    void everyPartIsReadStripped() {
        UUID film = UUID.randomUUID();
        assertThat(QueueFilter.parse(" " + film + " ", " spam.link ", "0.5", "1", " true", "false"))
                .isEqualTo(new QueueFilter(film, "spam.link", 0.5, 1.0, true, false));
    }

    @Test
    void aPartThatIsNotUnderstoodIsRefusedNamingIt() {
        assertRefused(() -> QueueFilter.parse("nope", null, null, null, null, null), "filmId: must be a UUID");
        assertRefused(() -> QueueFilter.parse(null, "Spam Link", null, null, null, null),
                "reason: must be a finding code such as spam.link");
        assertRefused(() -> QueueFilter.parse(null, null, "1.5", null, null, null), "minSpam: must be a number from 0 to 1");
        assertRefused(() -> QueueFilter.parse(null, null, null, "lots", null, null),
                "minSpoiler: must be a number from 0 to 1");
        assertRefused(() -> QueueFilter.parse(null, null, null, null, "yes", null), "appeal: must be true or false");
        assertRefused(() -> QueueFilter.parse(null, null, null, null, null, "1"), "reported: must be true or false");
    }

    @Test
    void aCursorComesBackAsItWasHandedOutAndAForgedOneIsRefused() {
        QueueCursor cursor = new QueueCursor(Instant.parse("2026-01-02T03:04:05.123Z"), UUID.randomUUID());
        assertThat(QueueCursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(QueueCursor.decode(null)).isNull();
        assertRefused(() -> QueueCursor.decode("not-a-cursor!"), "cursor: is not a cursor this service handed out");
    }

    private static void assertRefused(Runnable parse, String detail) {
        assertThatThrownBy(parse::run).isInstanceOf(InvalidInput.class).hasMessage(detail);
    }
}
