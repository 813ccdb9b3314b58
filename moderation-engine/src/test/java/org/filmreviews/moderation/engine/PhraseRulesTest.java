package org.filmreviews.moderation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhraseRulesTest {

    private static final List<String> SPAM_RULES = List.of("spam.promotion", "spam.offer", "spam.call-to-action",
            "spam.contact");

    @Test
    void everyLanguagesSpamAndSpoilerFilesLoad() {
        assertThat(PhraseRules.load("spam", SpamSignals.LANGUAGES, SPAM_RULES)).extracting(PhraseRules.Rule::name)
                .containsExactlyElementsOf(SPAM_RULES);
        assertThat(PhraseRules.load("spoiler", SpoilerSignals.LANGUAGES, SpoilerSignals.PLOT_RULES))
                .extracting(PhraseRules.Rule::name)
                .containsExactlyElementsOf(SpoilerSignals.PLOT_RULES);
        for (String language : SpamSignals.LANGUAGES) {
            assertThat(phrasesIn("spam", language, SPAM_RULES)).as(language).isPositive();
        }
        for (String language : SpoilerSignals.LANGUAGES) {
            assertThat(phrasesIn("spoiler", language, SpoilerSignals.PLOT_RULES)).as(language).isPositive();
        }
    }

    @Test
    void aRuleTakesItsPhrasesInTheOrderOfTheFilesAndLines() {
        Map<String, List<PhraseRules.Phrase>> phrases = known("spam.offer");
        Map<String, Double> weights = new HashMap<>();
        Map<String, PhraseRules.Phrase> seen = new HashMap<>();
        PhraseRules.read("spam/en.rules", List.of("# offers", "[spam.offer 0.6]", "free trial", "\\bcoupons?"), phrases,
                weights, seen);
        PhraseRules.read("spam/ru.rules", List.of("", "[spam.offer 0.6]", "скидк"), phrases, weights, seen);
        assertThat(phrases.get("spam.offer")).extracting(PhraseRules.Phrase::text).containsExactly("free trial", "coupons?",
                "скидк");
        assertThat(phrases.get("spam.offer").get(2).line()).isEqualTo(3);
        assertThat(weights).containsEntry("spam.offer", 0.6);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|',
            textBlock = """
                    an unknown section              | [spam.offers 0.6]       | free trial   | line 2: unknown section spam.offers
                    a malformed weight              | [spam.offer high]       | free trial   | line 2: malformed weight "high"
                    a weight above one              | [spam.offer 1.5]        | free trial   | line 2: malformed weight 1.5
                    a section without its weight    | [spam.offer]            | free trial   | line 2: a section is [rule weight]
                    an empty phrase                 | [spam.offer 0.6]        | \\b          | line 3: an empty phrase
                    a phrase that is not a regex    | [spam.offer 0.6]        | free (trial  | line 3: not a regular expression
                    a phrase twice                  | [spam.offer 0.6]        | coupons?     | line 3: the phrase "coupons?" is already at spam/en.rules line 2
                    a weight another file disagrees | [spam.offer 0.5]        | free trial   | line 2: weight 0.5 for spam.offer, which another file gives 0.6
                    """)
    void aMistakeStopsTheLoadNamingTheFileAndLine(String mistake, String section, String phrase, String message) {
        Map<String, List<PhraseRules.Phrase>> phrases = known("spam.offer");
        Map<String, Double> weights = new HashMap<>();
        Map<String, PhraseRules.Phrase> seen = new HashMap<>();
        PhraseRules.read("spam/en.rules", List.of("[spam.offer 0.6]", "coupons?"), phrases, weights, seen);
        assertThatThrownBy(
                () -> PhraseRules.read("spam/xx.rules", List.of("# " + mistake, section, phrase), phrases, weights, seen))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("spam/xx.rules " + message.split(":")[0] + ":")
                .hasMessageContaining(message);
    }

    @Test
    void aPhraseBeforeAnySectionIsAMistake() {
        assertThatThrownBy(
                () -> PhraseRules.read("spam/xx.rules", List.of("# no section yet", "free trial"), known("spam.offer"),
                        new HashMap<>(), new HashMap<>()))
                .hasMessage("spam/xx.rules line 2: a phrase before any [rule weight] section");
    }

    @Test
    void aMissingFileIsAMistake() {
        assertThatThrownBy(() -> PhraseRules.load("spam", List.of("en", "xx"), SPAM_RULES))
                .hasMessage("spam/xx.rules: missing");
    }

    private static int phrasesIn(String ruleSet, String language, List<String> rules) {
        Map<String, List<PhraseRules.Phrase>> phrases = known(rules.toArray(String[]::new));
        String file = ruleSet + "/" + language + ".rules";
        List<String> lines;
        try (var in = PhraseRules.class.getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        PhraseRules.read(file, lines, phrases, new HashMap<>(), new HashMap<>());
        return phrases.values().stream().mapToInt(List::size).sum();
    }

    private static Map<String, List<PhraseRules.Phrase>> known(String... names) {
        Map<String, List<PhraseRules.Phrase>> phrases = new LinkedHashMap<>();
        for (String name : names) {
            phrases.put(name, new ArrayList<>());
        }
        return phrases;
    }
}
