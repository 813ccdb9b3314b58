package org.filmreviews.platform.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserTextTest {

    @Test
    void textIsStoredInComposedFormSoThatTheSameWordsCompareEqual() {
        String decomposed = "Ame\u0301lie"; // e followed by a combining acute accent
        assertThat(UserText.clean(decomposed)).isEqualTo("Am\u00e9lie").isEqualTo(UserText.clean("Am\u00e9lie"));
    }

    @Test
    void lineBreaksAreUnifiedAndTabsKeptWhileOtherControlCharactersGo() {
        assertThat(UserText.clean("one\r\ntwo\rthree\n\tfour\u0007\u0000")).isEqualTo("one\ntwo\nthree\n\tfour");
    }

    @Test
    void bidiOverridesThatCouldDisguiseTextAreRemovedButEmojiJoinersStay() {
        assertThat(UserText.clean("great \u202Eevil\u202C film\uFEFF")).isEqualTo("great evil film");
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        assertThat(UserText.clean(family)).isEqualTo(family);
    }

    @Test
    void outerWhiteSpaceIsTrimmedAndNothingLeftIsNull() {
        assertThat(UserText.clean("  Good.  \n")).isEqualTo("Good.");
        assertThat(UserText.clean(null)).isNull();
        assertThat(UserText.clean(" \u0007 ")).isEmpty();
        assertThat(UserText.cleanOrNull(" \u0007 ")).isNull();
        assertThat(UserText.cleanOrNull(" ok ")).isEqualTo("ok");
    }

    @Test
    void htmlStaysAsThePersonWroteIt() {
        assertThat(UserText.clean("<b>bold</b> & \"quoted\"")).isEqualTo("<b>bold</b> & \"quoted\"");
    }
}
