package org.filmreviews.moderation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class PhraseListTest {

    @Test
    void everyShippedListSkipsWordsThatCannotStartAPhrase() {
        // One alternative starting with a nested group once made a whole list about five times slower.
        List<PhraseList> lists = new ArrayList<>(SpamSignals.phraseLists());
        lists.addAll(SpoilerSignals.phraseLists());
        assertThat(lists).allSatisfy(list -> assertThat(list.skipsWords()).isTrue());
    }

    @Test
    void aListThatCannotSkipWordsStillMatches() {
        PhraseList nested = PhraseList.of("\\bresgate (?:ja|agora)|\\b(?:win (?:now|today))");
        assertThat(nested.skipsWords()).isFalse();
        assertThat(nested.find("resgate agora o premio")).isEqualTo("resgate agora");
    }

    @Test
    void aWordStartMustBeTheWholeFirstWordOfAPhrase() {
        PhraseList culprits = PhraseList.of("\\b(?:el|la) asesino\\b|\\bthe ending is\\b");
        assertThat(culprits.find("lately la asesino")).isEqualTo("la asesino");
        assertThat(culprits.find("last asesino")).isNull();
        assertThat(culprits.find("so the ending is sad")).isEqualTo("the ending is");
        assertThat(culprits.find("theme ending is")).isNull();
    }
}
