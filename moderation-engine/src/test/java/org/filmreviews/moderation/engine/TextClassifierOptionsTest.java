package org.filmreviews.moderation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class TextClassifierOptionsTest {

    private static final List<TextClassifier.Example> EXAMPLES = List.of(
            new TextClassifier.Example("the captain kills the traitor", true),
            new TextClassifier.Example("the doctor kills her brother", true),
            new TextClassifier.Example("the music is lovely", false),
            new TextClassifier.Example("the captain has a lovely voice", false));

    @Test
    void stemsCarryWhatWasLearnedAboutOneFormToTheOthers() {
        TextClassifier.Options options = TextClassifier.Options.DEFAULTS.withBits(16);
        TextClassifier words = TextClassifier.untrained(options).fit(EXAMPLES, 20, 1);
        TextClassifier stems = TextClassifier.untrained(options.withStems(true)).fit(EXAMPLES, 20, 1);

        assertThat(stems.probability("killing")).isGreaterThan(0.6);
        assertThat(stems.probability("killing")).isGreaterThan(words.probability("killing") + 0.1);
        assertThat(stems.probability("Убивает")).isBetween(0.0, 1.0); // other scripts pass through unstemmed
    }

    @Test
    void optionsSurviveASnapshotAndOldDefaultsStayTheSame() {
        TextClassifier stems = TextClassifier
                .untrained(TextClassifier.Options.DEFAULTS.withBits(16).withStems(true).withLearningRate(0.1))
                .fit(EXAMPLES, 5, 1);
        TextClassifier copy = TextClassifier.fromBytes(stems.toBytes());
        assertThat(copy.probability("she killed him")).isEqualTo(stems.probability("she killed him"));

        TextClassifier plain = TextClassifier.untrained(16, false).fit(EXAMPLES, 5, 1);
        TextClassifier sameOptions = TextClassifier.untrained(TextClassifier.Options.DEFAULTS.withBits(16)).fit(EXAMPLES, 5, 1);
        assertThat(sameOptions.probability("she killed him")).isEqualTo(plain.probability("she killed him"));
        assertThatThrownBy(() -> TextClassifier.Options.DEFAULTS.withLearningRate(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
