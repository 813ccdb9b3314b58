package org.filmreviews.moderation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * What moderators marked as a film's spoiler in earlier reviews makes a later review that tells the same thing a
 * spoiler too, in other words and from another author, and only for that film.
 */
class FilmSecretsTest {

    private static final String SYNOPSIS = "Pip, a girl of twelve, spends a stormy summer with her uncle at a lighthouse, where an old"
            + " keeper tells her stories about shipwrecks.";
    private static final List<String> CHARACTERS = List.of("Pip", "Edmund", "Uncle Dennis");
    /** The twist as moderators marked it in three reviews. */
    private static final List<String> MARKED = List.of(
            "Old Edmund is her real grandfather and wrote the letters himself.",
            "The keeper Edmund turns out to be Pip's grandfather.",
            "So Edmund, the grumpy keeper, was the grandfather who wrote those letters.");
    private static final String RETOLD = "I adored it. Knowing now that the letters in the tin came from her grandfather made the"
            + " second viewing even sadder.";

    private final ModerationEngine engine = ModerationEngine.builder().build();

    private Verdict assess(String body, FilmFacts film) {
        return engine.assessText(new Submission("r-" + body.hashCode(), "film", "reader", null, body, false, Instant.now()),
                film);
    }

    @Test
    void aReviewThatRetellsAMarkedSecretInOtherWordsIsASpoilerOfThatFilm() {
        FilmFacts film = new FilmFacts("The Keeper's Daughter", SYNOPSIS, CHARACTERS, MARKED);
        Verdict verdict = assess(RETOLD, film);
        assertThat(verdict.outcome()).isEqualTo(Outcome.PUBLISH_SPOILER);
        assertThat(verdict.spoilerSentences()).singleElement()
                .satisfies(span -> assertThat(RETOLD.substring(span.start(), span.end())).startsWith("Knowing now"));
        assertThat(verdict.findings()).anySatisfy(finding -> assertThat(finding.code()).isEqualTo("spoiler.secret"));
    }

    @Test
    void theSameWordsAboutAnotherFilmOrBeforeAnyoneMarkedTheSecretSayNothing() {
        FilmFacts unmarked = new FilmFacts("The Keeper's Daughter", SYNOPSIS, CHARACTERS);
        FilmFacts otherFilm = new FilmFacts("Letters from the Tin", "A boy finds old letters in a biscuit tin.",
                List.of("Tom"));
        assertThat(assess(RETOLD, unmarked).outcome()).isEqualTo(Outcome.PUBLISH);
        assertThat(assess(RETOLD, otherFilm).outcome()).isEqualTo(Outcome.PUBLISH);
    }

    @Test
    void aReviewOfTheSameFilmThatOnlyTouchesThePremiseStaysClean() {
        FilmFacts film = new FilmFacts("The Keeper's Daughter", SYNOPSIS, CHARACTERS, MARKED);
        for (String honest : List.of("Pip is a wonderful heroine and the lighthouse is a character of its own.",
                "The letters subplot drags a little, but the storm scenes are superb.",
                "My grandfather loved lighthouses, so this one was special for us.")) {
            assertThat(assess(honest, film).outcome()).as(honest).isEqualTo(Outcome.PUBLISH);
        }
    }
}
