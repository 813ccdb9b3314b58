package org.filmreviews.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RelayBackoffTest {

    @Test
    void theFirstPauseIsShortAndEachFurtherOneDoublesUpToTheLimit() {
        RelayBackoff backoff = new RelayBackoff(Duration.ofSeconds(1));

        assertThat(backoff.next()).isEqualTo(100);
        assertThat(backoff.next()).isEqualTo(200);
        assertThat(backoff.next()).isEqualTo(400);
        assertThat(backoff.next()).isEqualTo(800);
        assertThat(backoff.next()).isEqualTo(1000);
        assertThat(backoff.next()).isEqualTo(1000);
    }

    @Test
    void aRoundThatWentWellStartsTheNextFailureFromTheShortestPauseAgain() {
        RelayBackoff backoff = new RelayBackoff(Duration.ofSeconds(5));
        backoff.next();
        backoff.next();
        backoff.next();

        backoff.reset();

        assertThat(backoff.next()).isEqualTo(100);
    }

    @Test
    void aLimitBelowTheFirstPauseIsKept() {
        assertThat(new RelayBackoff(Duration.ofMillis(50)).next()).isEqualTo(50);
    }
}
