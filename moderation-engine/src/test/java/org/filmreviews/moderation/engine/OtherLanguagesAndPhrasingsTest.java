package org.filmreviews.moderation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Spam and spoilers in the other languages reviews come in, and plot reveals phrased in ways the rules must not miss. */
class OtherLanguagesAndPhrasingsTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private final ModerationEngine engine = ModerationEngine.builder().build();
    private int ids;

    private Verdict assess(String body) {
        ids++;
        return engine.assess(
                new Submission("r" + ids, "f" + ids, "author" + ids, null, body, false, T0.plusSeconds(ids * 3600L)),
                FilmFacts.UNKNOWN);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Descarga gratis todas las series en HD, sin registro y sin anuncios",
            "Jetzt alle Kinofilme ohne Anmeldung auf filmkiste.de ansehen",
            "Ganhe dinheiro em casa! Fale comigo no WhatsApp",
            "Смотреть новые фильмы бесплатно и без регистрации",
            "Regardez le film complet en VF, lien dans la bio",
            "Zarabiaj od domu, szczegóły na naszej stronie",
            "Great film. Everything else you want is at reelvault dot net",
            "Bedava dizi ve film izle, üyelik yok",
            "30% off all hoodies this week, use code FILM30",
            "Message me on Telegram @cine_deals_official",
            "aaaaaaaaaaaaaaaaaaaa aaaaaaa"})
    void spamInOtherLanguagesAndDisguisedAddressesIsKeptOut(String text) {
        Verdict verdict = assess(text);
        assertThat(verdict.outcome()).as(verdict.toString()).isIn(Outcome.HOLD, Outcome.REJECT);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Fuimos al cine gratis gracias a un sorteo y la película nos encantó.",
            "Der Film ist gerade kostenlos in der Mediathek und lohnt sich sehr.",
            "Фильм тяжёлый, но честный. Актёры играют прекрасно.",
            "I was bored to death by the second hour.",
            "A gentle film about a family learning to live after a death.",
            "What a disappointing ending.It just stops.",
            "The point of the film is that nobody is innocent.",
            "Noooooo, why did they cancel the sequel?",
            "Thanks @a24 for another gem, the photography is stunning."})
    void honestReviewsInAnyLanguagePublishClean(String text) {
        Verdict verdict = assess(text);
        assertThat(verdict.outcome()).as(verdict.toString()).isEqualTo(Outcome.PUBLISH);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "In the end, I enjoyed it.",
            "The ending is weak.",
            "The ending was too neat for me, but the first hour is terrific.",
            "Her performance wins the film.",
            "He finally escapes typecasting here.",
            "By the end of the film I was exhausted.",
            "In the final act the pacing sags a little.",
            "Al final, la película vale la pena.",
            "Am Ende bleibt ein solider Krimi.",
            "The film survives its clumsy second act.",
            "I was betrayed by the trailer, which promised a comedy.",
            "It ended up being my favourite film of the year.",
            "The twist is great but I won't say more.",
            "The last scene is gorgeous.",
            "In the last twenty minutes the score really soars.",
            "She discovers that acting can be quiet."})
    void opinionsInTheWordsOfEndingsAndTwistsPublishClean(String text) {
        Verdict verdict = assess(text);
        assertThat(verdict.outcome()).as(verdict.toString()).isEqualTo(Outcome.PUBLISH);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Muy buena. Al final muere el protagonista. | Al final muere el protagonista.",
            "Spannend bis zuletzt. Am Ende stellt sich heraus, dass der Arzt der Mörder war. | Am Ende stellt sich heraus, dass der Arzt der Mörder war.",
            "Ótimo filme. No final, a mãe morre nos braços do filho. | No final, a mãe morre nos braços do filho.",
            "Отличный фильм. В конце герой погибает. | В конце герой погибает.",
            "Solid cast. Turns out the nanny was working for the kidnappers. | Turns out the nanny was working for the kidnappers.",
            "Nice score. The quiet neighbour was the arsonist all along. | The quiet neighbour was the arsonist all along.",
            "Great twist. The old sheriff is actually Maya's real father. | The old sheriff is actually Maya's real father.",
            "Brutal film. Kate gets devoured by the creature in the cave. | Kate gets devoured by the creature in the cave.",
            "Fun at first. Halfway through they kill off the sidekick. | Halfway through they kill off the sidekick.",
            "So tender. Grandpa passes away the night before the wedding. | Grandpa passes away the night before the wedding.",
            "A tight thriller. The cop is the boy's own father. | The cop is the boy's own father.",
            "Muy entretenida. El ladrón resulta ser el alcalde. | El ladrón resulta ser el alcalde.",
            "Commovente. Il marito era morto da anni. | Il marito era morto da anni.",
            "Tense all the way. The dog survives, don't worry. | The dog survives, don't worry."})
    void plotRevealsAreHiddenSentenceBySentence(String text, String revealing) {
        Verdict verdict = assess(text);
        assertThat(verdict.outcome()).as(verdict.toString()).isEqualTo(Outcome.PUBLISH_SPOILER);
        assertThat(verdict.spoilerSentences()).extracting(span -> text.substring(span.start(), span.end()))
                .containsExactly(revealing);
    }
}
