package org.filmreviews.moderation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebAddressesTest {

    private final WebAddresses addresses = new WebAddresses();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "all the new releases on streamhaus.de, no account needed | streamhaus.de",
            "rank higher with linkforge.pro today | linkforge.pro",
            "tickets half price at cinema-deals.online | cinema-deals.online",
            "my channel youtube.com/@filmnerd88 | youtube.com/@filmnerd88",
            "read it at https://example.org/review | https://example.org/review",
            "the full film on www.somewhere.example | www.somewhere.example",
            "free spins at spinpalace dot net | spinpalace dot net",
            "claim it at token-rain[.]io | token-rain[.]io",
            "todas las películas en cineplus punto com | cineplus punto com",
            "фильмы без регистрации на kinohit точка ру | kinohit точка ру",
            "new drops every friday at kickbox . shop | kickbox . shop",
            "daftar di menang88 titik com sekarang | menang88 titik com",
            "alle filme auf kinokiste punkt de | kinokiste punkt de"})
    void addressesWrittenOutOrDisguisedAreFound(String text, String address) {
        assertThat(addresses.first(text)).contains(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "what an ending.it stayed with me for days",
            "the plot is thin.in the end i did not care",
            "loved the score.watch it in a cinema if you can",
            "the cast is great.movie nights with this one are a joy",
            "mr.smith is the best thing in it, 3.5 stars",
            "i saw it at 7 p.m. with friends, e.g. the whole family",
            "the whole point of the film is that nothing is explained",
            "an anecdote about a disappointing dot-matrix printer",
            "desde el punto de vista del niño es preciosa",
            "the end . me and my sister cried",
            "ein wichtiger punkt des films ist die musik"})
    void gluedSentencesAndOrdinaryWordsAreNotAddresses(String text) {
        assertThat(addresses.first(text)).isEmpty();
    }
}
