package org.filmreviews.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class CopyRowsTest {

    @Test
    void valuesAreSeparatedByTabsAndNullIsCopysNullMarker() {
        UUID id = UUID.fromString("6f1c0c1e-4c1a-4f59-9d0b-7c2f3c8e9a10");
        String line = new CopyRows.Line().value(id).text(null).value(null).value(42).written();

        assertThat(line).isEqualTo(id + "\t\\N\t\\N\t42");
    }

    @Test
    void tabsLineBreaksAndBackslashesInTextAreEscapedSoThatTheyCannotEndAValueOrARow() {
        String line = new CopyRows.Line().text("a\tb\nc\rd\\e").written();

        assertThat(line).isEqualTo("a\\tb\\nc\\rd\\\\e");
    }

    @Test
    void textOutsideAsciiIsWrittenAsUtf8Unchanged() {
        assertThat(new CopyRows.Line().text("Amélie — 天使 🎬").written()).isEqualTo("Amélie — 天使 🎬");
    }

    @Test
    void booleansAreWrittenAsTAndF() {
        assertThat(new CopyRows.Line().value(true).value(false).written()).isEqualTo("t\tf");
    }

    @Test
    void instantsAreRoundedHalfUpToTheMicrosecondAsTheDriverRoundsWhatHibernateBinds() {
        String line = new CopyRows.Line()
                .value(Instant.parse("2026-12-07T12:00:00.000000499Z"))
                .value(Instant.parse("2026-12-07T12:00:00.000000500Z"))
                .value(Instant.parse("2026-12-07T12:00:00.999999500Z"))
                .written();

        assertThat(line).isEqualTo("2026-12-07T12:00:00Z\t2026-12-07T12:00:00.000001Z\t2026-12-07T12:00:01Z");
    }

    @Test
    void aLineLongerThanItsBufferGrows() {
        String big = "x".repeat(3 * 1024 * 1024);

        assertThat(new CopyRows.Line().text(big).text("end").written()).hasSize(big.length() + 4).endsWith("\tend");
    }
}
