package org.filmreviews.moderation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Look-alike letters of other scripts read as the Latin letters they pass for, and only where they pass for them. */
class NormaliserTest {

    private final Normaliser normaliser = new Normaliser();

    @Test
    void lookAlikesFromUnicodesConfusablesAreReadAsLatinInsideLatinWords() {
        // Armenian "օ", Cyrillic "ԁ", "ӏ" and "ѕ": beyond the common Cyrillic "а" and "е".
        Normaliser.Result result = normaliser.normalise("Wаtch frее mօvies, ԁownӏoad ѕeries");
        assertThat(result.text()).isEqualTo("watch free movies, download series");
        assertThat(result.tricks()).contains(Normaliser.Trick.MIXED_SCRIPTS);
    }

    @Test
    void lettersShapedLikeSmallCapitalsCountToo() {
        assertThat(normaliser.normalise("Gеt ricн quick").text()).isEqualTo("get rich quick");
    }

    @Test
    void aWordAllInLookAlikesIsReadAsLatinOnlyInLatinText() {
        Normaliser.Result latin = normaliser.normalise("The whole film is free at moviehub dot сс if you want it");
        assertThat(latin.text()).endsWith("moviehub dot cc if you want it");
        assertThat(latin.tricks()).contains(Normaliser.Trick.MIXED_SCRIPTS);

        Normaliser.Result russian = normaliser.normalise("Сосед сказал, что фильм хороший, а сор остался");
        assertThat(russian.text()).isEqualTo("сосед сказал, что фильм хороший, а сор остался");
        assertThat(russian.tricks()).isEmpty();
    }

    @Test
    void honestTextInOtherScriptsPassesThrough() {
        assertThat(normaliser.normalise("Очень хороший фильм, Ωραία ταινία").tricks()).isEmpty();
    }
}
