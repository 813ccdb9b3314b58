package org.filmreviews.moderation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class EngineBuilderTest {

    private static final Submission ADVERT = new Submission("r", "f", "a", null,
            "Watch it free at www.free-films.example, sign up now!", false, Instant.EPOCH);

    @Test
    void aBuilderWithNoOptionsMakesTheShippedEngine() {
        ModerationEngine engine = ModerationEngine.builder().build();
        ModerationEngine explicit = ModerationEngine.builder().settings(EngineSettings.DEFAULTS)
                .classifiers(ShippedModel.spamClassifier(), ShippedModel.spoilerClassifier()).build();
        assertThat(engine.settings()).isEqualTo(EngineSettings.DEFAULTS);
        assertThat(engine.spamCalibration()).isEmpty();
        assertThat(engine.decisionsLearned()).isZero();
        assertThat(engine.snapshot()).isEqualTo(explicit.snapshot());
        assertThat(engine.assessText(ADVERT, FilmFacts.UNKNOWN)).isEqualTo(explicit.assessText(ADVERT, FilmFacts.UNKNOWN));
    }

    @Test
    void aRestoredEngineTakesItsClassifiersFromTheSnapshotAlone() {
        byte[] snapshot = ModerationEngine.builder().build().snapshot();
        assertThatThrownBy(() -> ModerationEngine.builder().restoring(snapshot)
                .classifiers(TextClassifier.untrained(), TextClassifier.untrained()).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ModerationEngine.builder().restoring(snapshot)
                .spamCalibration(new SpamCalibration(0, 1, java.util.Map.of())).build())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aLessonWithoutFilmOrSentencesIsLearnedAsOfAnUnknownFilm() {
        ModerationEngine withoutFilm = ModerationEngine.builder().build();
        ModerationEngine unknownFilm = ModerationEngine.builder().build();
        withoutFilm.learn(new ModeratorLesson(ADVERT, null, Outcome.REJECT, null));
        unknownFilm.learn(new ModeratorLesson(ADVERT, Outcome.REJECT));
        assertThat(withoutFilm.snapshot()).isEqualTo(unknownFilm.snapshot());
    }
}
