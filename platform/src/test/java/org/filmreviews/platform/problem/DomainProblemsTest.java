package org.filmreviews.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.filmreviews.platform.domain.Conflict;
import org.filmreviews.platform.domain.InvalidInput;
import org.filmreviews.platform.domain.NotAllowed;
import org.filmreviews.platform.domain.NotFound;
import org.filmreviews.platform.domain.Overloaded;
import org.filmreviews.platform.domain.RateLimited;
import org.filmreviews.platform.domain.Retired;
import org.filmreviews.platform.domain.StaleVersion;
import org.junit.jupiter.api.Test;

class DomainProblemsTest {

    @Test
    void eachKindOfRefusalHasItsStatusAndType() {
        assertThat(DomainProblems.toProblem(new NotFound("no film")).status()).isEqualTo(404);
        assertThat(DomainProblems.toProblem(new Retired("film-retired", "gone")).type()).endsWith("/film-retired");
        assertThat(DomainProblems.toProblem(new Retired("film-retired", "gone")).status()).isEqualTo(410);
        assertThat(DomainProblems.toProblem(new Conflict("taken")).status()).isEqualTo(409);
        assertThat(DomainProblems.toProblem(new NotAllowed("not yours")).type()).endsWith("/forbidden");
        assertThat(DomainProblems.toProblem(new NotAllowed("not yours")).status()).isEqualTo(403);
        assertThat(DomainProblems.toProblem(InvalidInput.request("nonsense")).status()).isEqualTo(400);
        assertThat(DomainProblems.toProblem(new StaleVersion("moved on")).status()).isEqualTo(412);
    }

    @Test
    void aConflictWithAnExistingThingPointsAtIt() {
        ProblemException problem = DomainProblems.toProblem(Conflict.with("/reviews/7", "already reviewed"));

        assertThat(problem.headers()).containsEntry("Location", "/reviews/7");
        assertThat(problem.getMessage()).isEqualTo("already reviewed");
    }

    @Test
    void anInvalidFieldIsNamedInTheErrorList() {
        ProblemException problem = DomainProblems.toProblem(InvalidInput.field("rating", "must be between 1 and 10"));

        assertThat(problem.type()).endsWith("/validation");
        assertThat(problem.getMessage()).isEqualTo("rating: must be between 1 and 10");
        assertThat(problem.errors()).containsExactly(new Problem.FieldError("rating", "must be between 1 and 10"));
    }

    @Test
    void aStaleVersionShowsTheCurrentOneOnlyWhenItIsKnown() {
        assertThat(DomainProblems.toProblem(StaleVersion.now(4, "at 4")).headers()).isEqualTo(Map.of("ETag", "\"4\""));
        assertThat(DomainProblems.toProblem(new StaleVersion("moved")).headers()).isEmpty();
    }

    @Test
    void waitsAreWholeSecondsRoundedUp() {
        assertThat(DomainProblems.toProblem(new RateLimited(Duration.ofMillis(1500), "slow down")).headers())
                .containsEntry("Retry-After", "2");
        assertThat(DomainProblems.toProblem(new Overloaded("too-many-readers", Duration.ZERO, "busy")).headers())
                .containsEntry("Retry-After", "1");
        assertThat(DomainProblems.toProblem(new Overloaded("too-many-readers", Duration.ofSeconds(30), "busy")).status())
                .isEqualTo(503);
    }
}
