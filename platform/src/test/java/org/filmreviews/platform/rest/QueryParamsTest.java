package org.filmreviews.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.filmreviews.platform.domain.InvalidInput;
import org.filmreviews.platform.problem.DomainProblems;
import org.junit.jupiter.api.Test;

class QueryParamsTest {

    @Test
    void aMissingOrBlankParameterIsNoValueAndItsDefault() {
        assertThat(QueryParams.uuid("film", null)).isNull();
        assertThat(QueryParams.uuid("film", "  ")).isNull();
        assertThat(QueryParams.score("min", "")).isNull();
        assertThat(QueryParams.bool("open", null)).isNull();
        assertThat(QueryParams.code("finding", " ")).isNull();
        assertThat(QueryParams.integer("limit", null, 20, 1, 100)).isEqualTo(20);
    }

    @Test
    void valuesAreReadWithOuterSpaceIgnored() {
        UUID film = UUID.randomUUID();
        assertThat(QueryParams.uuid("film", " " + film + " ")).isEqualTo(film);
        assertThat(QueryParams.requiredUuid("film", film.toString())).isEqualTo(film);
        assertThat(QueryParams.score("min", "0.25")).isEqualTo(0.25);
        assertThat(QueryParams.integer("limit", " 100", 20, 1, 100)).isEqualTo(100);
        assertThat(QueryParams.bool("open", "false")).isFalse();
        assertThat(QueryParams.code("finding", "spam.link")).isEqualTo("spam.link");
    }

    @Test
    void aValueThatCannotBeReadIsA400NamingTheParameter() {
        assertInvalid(() -> QueryParams.uuid("film", "not-a-uuid"), "film", "must be a UUID");
        assertInvalid(() -> QueryParams.requiredUuid("film", null), "film", "is required");
        assertInvalid(() -> QueryParams.score("min", "1.5"), "min", "must be a number from 0 to 1");
        assertInvalid(() -> QueryParams.score("min", "NaN"), "min", "must be a number from 0 to 1");
        assertInvalid(() -> QueryParams.integer("limit", "0", 20, 1, 100), "limit", "must be a whole number from 1 to 100");
        assertInvalid(() -> QueryParams.integer("limit", "2.5", 20, 1, 100), "limit", "must be a whole number from 1 to 100");
        assertInvalid(() -> QueryParams.bool("open", "yes"), "open", "must be true or false");
        assertInvalid(() -> QueryParams.code("finding", "Spam Link"), "finding", "must be a finding code such as spam.link");
        assertInvalid(() -> QueryParams.code("finding", "a".repeat(65)), "finding", "must be a finding code such as spam.link");
    }

    private static void assertInvalid(Runnable read, String parameter, String message) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(InvalidInput.class, invalid -> {
            assertThat(invalid.field()).contains(parameter);
            assertThat(DomainProblems.toProblem(invalid).status()).isEqualTo(400);
            assertThat(DomainProblems.toProblem(invalid).getMessage()).isEqualTo(parameter + ": " + message);
        });
    }
}
