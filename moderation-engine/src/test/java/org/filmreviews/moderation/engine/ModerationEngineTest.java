package org.filmreviews.moderation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ModerationEngineTest {

    private final ModerationEngine engine = new ModerationEngine();

    private Verdict assess(String body, boolean flagged) {
        return engine.assess(new Submission("r", "f", "a", null, body, flagged, Instant.now()), FilmFacts.UNKNOWN);
    }

    @Test
    void theSeedAdvertisementIsRejected() {
        Verdict verdict = assess("Watch Free for 30 Days\n\nStream thousands of hit movies and TV shows\n\nStart 30-day Free Trial", false);
        assertThat(verdict.outcome()).isEqualTo(Outcome.REJECT);
        assertThat(verdict.findings()).extracting(Finding::code).contains("spam.promotion", "spam.offer");
    }

    @Test
    void aLinkIsRejected() {
        assertThat(assess("Great film, more at https://cheap-dvds.example/now", false).outcome()).isEqualTo(Outcome.REJECT);
    }

    @Test
    void announcedSpoilersPublishAsSpoilers() {
        assertThat(assess("* Some of it may be a spoiler* Two friends are walking along.", false).outcome())
                .isEqualTo(Outcome.PUBLISH_SPOILER);
        assertThat(assess("Another guy meets his parents... Enough of spoilers. :) Good movie.", false).outcome())
                .isEqualTo(Outcome.PUBLISH_SPOILER);
    }

    @Test
    void deniedSpoilersAndPlainOpinionsPublishClean() {
        assertThat(assess("The plot (no big spoilers): Young Sergey and his old father are different men.", false).outcome())
                .isEqualTo(Outcome.PUBLISH);
        assertThat(assess("Very very predictable, including the post credit scene !!!", false).outcome())
                .isEqualTo(Outcome.PUBLISH);
    }

    @Test
    void theAuthorsFlagIsAlwaysHonoured() {
        Verdict verdict = assess("Strong and Moving!", true);
        assertThat(verdict.outcome()).isEqualTo(Outcome.PUBLISH_SPOILER);
        assertThat(verdict.spoilerScore()).isEqualTo(1.0);
    }
}
