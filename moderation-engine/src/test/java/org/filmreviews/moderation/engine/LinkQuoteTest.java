package org.filmreviews.moderation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class LinkQuoteTest {

    @Test
    void theLinkFindingQuotesTheAddressWithoutTheSentencesPunctuation() {
        Verdict verdict = ModerationEngine.builder().build().assessText(new Submission("r", "f", "a", null,
                "The stills are at www.kino-archive.example, if you care.", false, Instant.now()), FilmFacts.UNKNOWN);
        assertThat(verdict.findings()).filteredOn(f -> f.code().equals("spam.link"))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("(\"www.kino-archive.example\")"));
    }
}
