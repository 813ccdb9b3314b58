package org.filmreviews.moderation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class LearningAndSnapshotTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    /** A wording the shipped corpus has never seen: knitting-club advertising. Different authors, different texts. */
    private static final List<String> KNITTING_SPAM = List.of(
            "Learn to knit warm scarves in one weekend with the granny pattern club",
            "Granny pattern club teaches you to knit cosy sweaters, join the knitting circle",
            "Knit like a pro with granny patterns, the knitting club for beginners",
            "Our knitting circle shares granny patterns for scarves and mittens every week",
            "Cosy mittens and scarves, knit them yourself with the pattern club",
            "The granny pattern club: knitting lessons for scarves, hats and sweaters",
            "Knitting circle for beginners, granny patterns, warm scarves in days",
            "Join the pattern club and knit granny sweaters this winter",
            "Granny knitting patterns for hats and scarves, the club for cosy knitters",
            "Weekend knitting lessons with granny patterns, scarves and mittens for all");
    private static final String NEW_VARIANT = "Knit cosy hats and mittens with the granny pattern club knitting circle";

    private static Submission submission(String id, String author, String body) {
        return new Submission(id, "film-" + id, author, null, body, false, T0);
    }

    @Test
    void afterAFewModeratorRejectionsANewSpamWordingIsHeld() {
        ModerationEngine engine = ModerationEngine.builder().build();
        Verdict before = engine.assessText(submission("probe", "someone", NEW_VARIANT), FilmFacts.UNKNOWN);
        assertThat(before.outcome()).as(before.toString()).isEqualTo(Outcome.PUBLISH);

        for (int i = 0; i < KNITTING_SPAM.size(); i++) {
            engine.learn(new ModeratorLesson(submission("k" + i, "knitter-" + i, KNITTING_SPAM.get(i)), Outcome.REJECT));
        }

        Verdict after = engine.assess(submission("probe-2", "someone-else", NEW_VARIANT), FilmFacts.UNKNOWN);
        assertThat(after.outcome()).as(after.toString()).isIn(Outcome.HOLD, Outcome.REJECT);
        assertThat(after.findings()).extracting(Finding::code).contains("spam.classifier");
        assertThat(engine.decisionsLearned()).isEqualTo(KNITTING_SPAM.size());
        // Honest film talk about knitting is not caught with it.
        Verdict honest = engine.assess(
                submission("h", "fan", "The grandmother in the film is always knitting, a lovely touch."),
                FilmFacts.UNKNOWN);
        assertThat(honest.outcome()).as(honest.toString()).isEqualTo(Outcome.PUBLISH);
    }

    @Test
    void aSnapshotCarriesWhatWasLearned() {
        ModerationEngine engine = ModerationEngine.builder().build();
        for (int i = 0; i < KNITTING_SPAM.size(); i++) {
            engine.learn(new ModeratorLesson(submission("k" + i, "knitter-" + i, KNITTING_SPAM.get(i)), Outcome.REJECT));
        }
        byte[] snapshot = engine.snapshot();
        ModerationEngine restored = ModerationEngine.builder().restoring(snapshot).build();

        Verdict original = engine.assessText(submission("p", "x", NEW_VARIANT), FilmFacts.UNKNOWN);
        Verdict copy = restored.assessText(submission("p", "x", NEW_VARIANT), FilmFacts.UNKNOWN);
        assertThat(copy.spamScore()).isEqualTo(original.spamScore());
        assertThat(copy.outcome()).isEqualTo(original.outcome());
        assertThat(restored.decisionsLearned()).isEqualTo(engine.decisionsLearned());
        assertThat(snapshot.length).isLessThan(2_000_000);
        // A fresh engine does not know the wording: learning stays with the engine that learned it.
        assertThat(
                ModerationEngine.builder().build().assessText(submission("p", "x", NEW_VARIANT), FilmFacts.UNKNOWN).outcome())
                .isEqualTo(Outcome.PUBLISH);
    }

    @Test
    void publishedSpoilerDecisionsTeachTheSpoilerModel() {
        ModerationEngine engine = ModerationEngine.builder().build();
        String body = "The lighthouse keeper was the smuggler, and the storm buries his secret with him.";
        double before = engine.spoilerScores(List.of(body), FilmFacts.UNKNOWN)[0];
        for (int i = 0; i < 5; i++) {
            engine.learn(new ModeratorLesson(submission("s" + i, "a" + i, body), FilmFacts.UNKNOWN,
                    Outcome.PUBLISH_SPOILER, List.of(new Span(0, body.length()))));
        }
        assertThat(engine.spoilerScores(List.of(body), FilmFacts.UNKNOWN)[0]).isGreaterThan(before);
    }
}
