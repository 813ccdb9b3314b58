package org.filmreviews.moderation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModerationEngineTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final String AD = "Watch Free for 30 Days\n\nStream thousands of hit movies and TV shows\n\nStart 30-day Free Trial";

    private final ModerationEngine engine = ModerationEngine.builder().build();
    private int ids;

    private Verdict assess(String author, String body) {
        return assess(author, body, false, FilmFacts.UNKNOWN);
    }

    private Verdict assess(String author, String body, boolean flagged, FilmFacts film) {
        return engine.assess(new Submission("r" + ids++, "f", author, null, body, flagged, T0.plusSeconds(ids * 3600L)), film);
    }

    @Test
    void theSeedAdvertisementIsRejectedWithReasons() {
        Verdict verdict = assess("a", AD);
        assertThat(verdict.outcome()).isEqualTo(Outcome.REJECT);
        assertThat(verdict.findings()).extracting(Finding::code).contains("spam.promotion", "spam.offer");
        assertThat(verdict.findings()).allSatisfy(finding -> assertThat(finding.message()).matches("[A-Z].*\\.$"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "W a t c h  f r e e  for 30 days, s t r e a m  thousands of hit movies and TV shows",
            "Get your fr33 tr1al today and w4tch free, thousands of hit movies and TV shows",
            "Ｗａｔｃｈ ｆｒｅｅ ｆｏｒ ３０ ｄａｙｓ, ｓｔａｒｔ ｙｏｕｒ ｆｒｅｅ ｔｒｉａｌ",
            "Wаtch frее for 30 days and stаrt your frее triаl",
            "W.a.t.c.h f.r.e.e now, free trial, sign up at moviez dot com"})
    void obfuscatedAdvertisementsAreCaught(String ad) {
        Verdict verdict = assess("a", ad);
        assertThat(verdict.outcome()).as(verdict.toString()).isIn(Outcome.REJECT, Outcome.HOLD);
        assertThat(verdict.findings()).extracting(Finding::code).contains("spam.promotion");
    }

    @Test
    void obfuscationIsNamed() {
        Verdict verdict = assess("a", "Ｗａｔｃｈ ｆｒｅｅ ｆｏｒ ３０ ｄａｙｓ, ｓｔａｒｔ ｙｏｕｒ ｆｒｅｅ ｔｒｉａｌ");
        assertThat(verdict.findings()).extracting(Finding::code).contains("spam.obfuscation");
    }

    @Test
    void linksEmailsAndPhonesAreSignals() {
        assertThat(assess("a", "Great film, more at https://cheap-dvds.example/now").findings()).extracting(Finding::code)
                .contains("spam.link");
        assertThat(assess("a", "Nice film. Write to deals.movies@example.com for cheap tickets").findings())
                .extracting(Finding::code).contains("spam.email");
        assertThat(assess("a", "Loved it, call +1 (555) 123-4567 for cheap tickets").findings())
                .extracting(Finding::code).contains("spam.phone");
        assertThat(assess("a", "Great film, more at https://cheap-dvds.example/now, buy now with a discount").outcome())
                .isEqualTo(Outcome.REJECT);
    }

    @Test
    void aLinkAloneIsHeldForAHumanNotRejected() {
        Verdict verdict = assess("a",
                "My longer thoughts on the film are on my blog at filmdiary.net if anyone is interested.");
        assertThat(verdict.outcome()).isEqualTo(Outcome.HOLD);
    }

    @Test
    void keyboardMashingIsHeld() {
        Verdict verdict = assess("a", "asdfghjkl qwertyuiop sdkfjhsdkjfh");
        assertThat(verdict.outcome()).as(verdict.toString()).isIn(Outcome.HOLD, Outcome.REJECT);
        assertThat(verdict.findings()).extracting(Finding::code).contains("spam.gibberish");
    }

    @Test
    void greatMovieFromFiveAuthorsAllPublish() {
        for (int author = 0; author < 5; author++) {
            assertThat(assess("author-" + author, "Great movie!").outcome()).isEqualTo(Outcome.PUBLISH);
        }
    }

    @Test
    void reviewsInOtherScriptsPublish() {
        Verdict russian = assess("ivan",
                "Отличный фильм о дружбе и о прошлом. Актёры играют прекрасно, музыка запоминается надолго.");
        Verdict japanese = assess("yuki", "とても面白い映画でした。俳優の演技が素晴らしく、音楽も心に残りました。");
        assertThat(russian.outcome()).as(russian.toString()).isEqualTo(Outcome.PUBLISH);
        assertThat(japanese.outcome()).as(japanese.toString()).isEqualTo(Outcome.PUBLISH);
    }

    @Test
    void strongNegativeOpinionsPublish() {
        Verdict verdict = assess("a", "This is the worst film I have ever seen, a boring waste of two hours");
        assertThat(verdict.outcome()).as(verdict.toString()).isEqualTo(Outcome.PUBLISH);
    }

    @Test
    void aFamousLineQuotedByManyPublishes() {
        for (int author = 0; author < 4; author++) {
            Verdict verdict = assess("fan-" + author, "\"Here's looking at you, kid.\" Still gives me chills.");
            assertThat(verdict.outcome()).as(verdict.toString()).isEqualTo(Outcome.PUBLISH);
        }
    }

    @Test
    void oneAuthorFloodingIsStoppedAfterTheFirstFew() {
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Submission post = new Submission("flood-" + i, "film-" + i, "flooder", null,
                    "Such a great film, everybody should go and see it this week, best of the year " + "!".repeat(i + 1),
                    false, T0.plusSeconds(90L * i));
            outcomes.add(engine.assess(post, FilmFacts.UNKNOWN).outcome());
        }
        assertThat(outcomes.subList(0, 3)).containsOnly(Outcome.PUBLISH);
        assertThat(outcomes.subList(3, 8)).allSatisfy(outcome -> assertThat(outcome).isIn(Outcome.HOLD, Outcome.REJECT));
    }

    @Test
    void redeliveredSubmissionIsNotAFloodOfItself() {
        Submission post = new Submission("same", "f", "a", null,
                "A long and honest review of a film that I liked a lot, with good actors.",
                false, T0);
        for (int i = 0; i < 6; i++) {
            assertThat(engine.assess(post, FilmFacts.UNKNOWN).outcome()).isEqualTo(Outcome.PUBLISH);
        }
    }

    @Test
    void plotRevealingSentencesAreSpoilerSentencesOfTheBody() {
        String body = "Great acting from everyone. In the end it turns out he was dead all along. Worth seeing anyway.";
        Verdict verdict = engine.assess(new Submission("s1", "f", "a", "A headline that is not in the body", body, false, T0),
                FilmFacts.UNKNOWN);
        assertThat(verdict.outcome()).isEqualTo(Outcome.PUBLISH_SPOILER);
        assertThat(verdict.spoilerSentences()).hasSize(1);
        Span span = verdict.spoilerSentences().get(0);
        assertThat(body.substring(span.start(), span.end())).isEqualTo("In the end it turns out he was dead all along.");
        assertThat(verdict.findings()).extracting(Finding::code).contains("spoiler.plot");
    }

    @Test
    void namesBeyondTheSynopsisRaiseTheSpoilerScore() {
        FilmFacts film = new FilmFacts("The Border", "Anna, a young officer, guards a lonely border post in winter.",
                List.of("Anna", "Viktor Orlov"));
        Verdict withName = assess("a", "At the border Viktor waits for Anna every night.", false, film);
        Verdict without = assess("b", "At the border a man waits for Anna every night.", false, film);
        assertThat(withName.spoilerScore()).isGreaterThan(without.spoilerScore());
        assertThat(withName.findings()).extracting(Finding::code).contains("spoiler.names");
        Verdict revealing = assess("c", "Viktor betrays Anna and is shot at the border.", false, film);
        assertThat(revealing.outcome()).isEqualTo(Outcome.PUBLISH_SPOILER);
    }

    @Test
    void spoilerWarningsAndDenials() {
        assertThat(
                assess("a", "* Some of it may be a spoiler* Two friends are walking along when one trips on a wire.").outcome())
                .isEqualTo(Outcome.PUBLISH_SPOILER);
        assertThat(assess("a", "Another guy meets his parents... Enough of spoilers. :) Good movie.").outcome())
                .isEqualTo(Outcome.PUBLISH_SPOILER);
        assertThat(assess("a", "The plot (no big spoilers): Young Sergey and his old father are different men.").outcome())
                .isEqualTo(Outcome.PUBLISH);
        assertThat(assess("a", "No spoilers ahead, I promise: the acting is great.").outcome()).isEqualTo(Outcome.PUBLISH);
    }

    @Test
    void theAuthorsFlagIsAlwaysHonoured() {
        Verdict verdict = assess("a", "Strong and Moving!", true, FilmFacts.UNKNOWN);
        assertThat(verdict.outcome()).isEqualTo(Outcome.PUBLISH_SPOILER);
        assertThat(verdict.spoilerScore()).isEqualTo(1.0);
        assertThat(verdict.spoilerSentences()).containsExactly(new Span(0, "Strong and Moving!".length()));
    }

    @Test
    void holdIsNotADecisionToLearnFrom() {
        assertThatThrownBy(
                () -> engine.learn(new ModeratorLesson(new Submission("r", "f", "a", null, "text", false, T0), Outcome.HOLD)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullsAndEmptyTextsDoNotBreakTheEngine() {
        Verdict verdict = engine.assess(new Submission(null, null, null, null, "", false, null), null);
        assertThat(verdict.outcome()).isEqualTo(Outcome.PUBLISH);
    }
}
