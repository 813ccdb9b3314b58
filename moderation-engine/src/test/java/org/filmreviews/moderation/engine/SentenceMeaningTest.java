package org.filmreviews.moderation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The second spoiler model: a classifier over sentence vectors, averaged with the word classifier. The encoder here
 * is a small real one (words mapped to three ideas: death, an ending, praise), enough to show that the engine uses
 * what a sentence means, including words its word classifier never saw.
 */
class SentenceMeaningTest {

    /** Counts the words of each idea, so paraphrases with different words land on the same vector. */
    static final class IdeaEncoder implements SentenceEncoder {
        private static final List<Set<String>> IDEAS = List.of(
                Set.of("dies", "died", "killed", "murdered", "perishes", "drowns", "death"),
                Set.of("ending", "end", "finale", "final", "last", "twist", "revealed"),
                Set.of("great", "wonderful", "beautiful", "acting", "music", "loved"));

        @Override
        public int dimensions() {
            return IDEAS.size();
        }

        @Override
        public float[][] encode(List<String> sentences) {
            float[][] vectors = new float[sentences.size()][IDEAS.size()];
            for (int i = 0; i < vectors.length; i++) {
                for (String word : sentences.get(i).toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
                    for (int idea = 0; idea < IDEAS.size(); idea++) {
                        if (IDEAS.get(idea).contains(word)) {
                            vectors[i][idea] += 1;
                        }
                    }
                }
            }
            return vectors;
        }
    }

    private static final List<String> TRAINING = List.of(
            "The captain dies in the last scene.", "She is murdered before the ending.", "In the finale the father is killed.",
            "The twist: the doctor died years ago.", "Wonderful acting and beautiful music.", "I loved the music.",
            "Great acting from everyone.", "A beautiful, great film.");
    private static final boolean[] LABELS = {true, true, true, true, false, false, false, false};

    @Test
    void theClassifierSeparatesWhatItWasFittedOn() {
        IdeaEncoder encoder = new IdeaEncoder();
        SentenceMeaning meaning = SentenceMeaning.train(encoder, TRAINING, LABELS, 1e-2);

        assertThat(meaning.probability("The hero drowns at the end.")).isGreaterThan(0.8);
        assertThat(meaning.probability("Beautiful music, wonderful acting.")).isLessThan(0.2);
    }

    @Test
    void theEngineScoresAParaphraseItsWordClassifierNeverSawAsASpoiler() {
        SentenceMeaning meaning = SentenceMeaning.train(new IdeaEncoder(), TRAINING, LABELS, 1e-2);
        EngineSettings settings = EngineSettings.DEFAULTS.withExpectedShares(-1, -1);
        // An untrained word classifier says 0.5 to everything: any difference comes from the encoder's model.
        ModerationEngine wordsOnly = ModerationEngine.builder().settings(settings)
                .classifiers(TextClassifier.untrained(12, false), TextClassifier.untrained(12, false)).build();
        ModerationEngine withMeaning = ModerationEngine.builder().settings(settings)
                .classifiers(TextClassifier.untrained(12, false), TextClassifier.untrained(12, false))
                .sentenceMeaning(meaning).build();

        List<String> review = List.of("Our heroine perishes in the final minutes.", "Lovely music throughout.");
        double[] plain = wordsOnly.spoilerScores(review, FilmFacts.UNKNOWN);
        double[] meant = withMeaning.spoilerScores(review, FilmFacts.UNKNOWN);

        // The spoiler classifier's share of a score is bounded (spoilerClassifierWeight), so the move is bounded too.
        assertThat(meant[0]).isGreaterThan(plain[0] + 0.05);
        List<String> praise = List.of("Wonderful acting and lovely music.");
        assertThat(withMeaning.spoilerScores(praise, FilmFacts.UNKNOWN)[0])
                .isLessThan(wordsOnly.spoilerScores(praise, FilmFacts.UNKNOWN)[0] - 0.05);
    }

    @Test
    void aModeratorDecisionAlsoMovesTheEncodersModel() {
        SentenceMeaning meaning = SentenceMeaning.train(new IdeaEncoder(), TRAINING, LABELS, 1e-2);
        ModerationEngine engine = ModerationEngine.builder().settings(EngineSettings.DEFAULTS)
                .classifiers(TextClassifier.untrained(12, false), TextClassifier.untrained(12, false))
                .sentenceMeaning(meaning).build();
        String praise = "Great acting and wonderful music.";
        double before = meaning.probability(praise);

        for (int i = 0; i < 20; i++) {
            engine.learn(
                    new ModeratorLesson(new Submission("r" + i, "f", "a" + i, null, praise, false, java.time.Instant.EPOCH),
                            FilmFacts.UNKNOWN, Outcome.PUBLISH_SPOILER, List.of(new Span(0, praise.length()))));
        }

        assertThat(meaning.probability(praise)).isGreaterThan(before + 0.05);
    }

    @Test
    void theEncoderReadsOnlyWhatTheWordsLeaveUnsettledAndWhatSpeaksOfTheCharacters() {
        List<String> read = new java.util.concurrent.CopyOnWriteArrayList<>();
        IdeaEncoder ideas = new IdeaEncoder();
        SentenceEncoder counting = new SentenceEncoder() {
            @Override
            public int dimensions() {
                return ideas.dimensions();
            }

            @Override
            public float[][] encode(List<String> sentences) {
                read.addAll(sentences);
                return ideas.encode(sentences);
            }
        };
        SentenceMeaning meaning = new SentenceMeaning(counting,
                SentenceMeaning.train(ideas, TRAINING, LABELS, 1e-2).classifier());
        ModerationEngine engine = ModerationEngine.builder().settings(EngineSettings.DEFAULTS).sentenceMeaning(meaning).build();
        FilmFacts film = new FilmFacts("The Crossing", "A ferry crosses a cold sea in 1946.", List.of("Mara Lind", "Tomas"));

        engine.assessText(new Submission("r", "f", "a", null, "What a film. It turns out the captain was dead all along, and he"
                + " dies again at the end. Mara boards the night ferry.", false, java.time.Instant.EPOCH), film);

        // The opinion (plainly clean) and the announced death (plainly a spoiler) are settled by the words alone.
        assertThat(read).containsExactly("mara boards the night ferry.");
        assertThat(engine.encodedShare()).isEqualTo(1.0 / 3);
    }

    @Test
    void anEncoderAndAClassifierOfDifferentSizesAreRefused() {
        EmbeddingClassifier twoValues = EmbeddingClassifier.fit(List.of(new float[]{1, 0}, new float[]{0, 1}),
                new boolean[]{true, false}, 1e-2);

        assertThatThrownBy(() -> new SentenceMeaning(new IdeaEncoder(), twoValues)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reads 2 values");
    }
}
