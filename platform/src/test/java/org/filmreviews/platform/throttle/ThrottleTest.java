package org.filmreviews.platform.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.filmreviews.platform.domain.RateLimited;
import org.filmreviews.platform.problem.DomainProblems;
import org.junit.jupiter.api.Test;

class ThrottleTest {

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-12-06T12:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    final HandClock clock = new HandClock();
    final Throttle throttle = new Throttle(clock);
    final ThrottleLimit threePerMinute = new ThrottleLimit(3, Duration.ofMinutes(1), "Too many.");

    @Test
    void aKeyIsRefusedPastItsLimitWithTheSecondsLeftInItsWindow() {
        for (int i = 0; i < 3; i++) {
            throttle.take("sign-in", "10.0.0.1", threePerMinute);
        }
        clock.now = clock.now.plusSeconds(20);
        assertThatThrownBy(() -> throttle.take("sign-in", "10.0.0.1", threePerMinute))
                .isInstanceOfSatisfying(RateLimited.class, e -> {
                    assertThat(DomainProblems.toProblem(e).status()).isEqualTo(429);
                    assertThat(DomainProblems.toProblem(e).headers()).containsEntry("Retry-After", "41");
                    assertThat(e.getMessage()).startsWith("Too many.");
                });
    }

    @Test
    void otherKeysAndOtherBucketsAreNotAffected() {
        for (int i = 0; i < 3; i++) {
            throttle.take("sign-in", "10.0.0.1", threePerMinute);
        }
        assertThatCode(() -> throttle.take("sign-in", "10.0.0.2", threePerMinute)).doesNotThrowAnyException();
        assertThatCode(() -> throttle.take("sign-up", "10.0.0.1", threePerMinute)).doesNotThrowAnyException();
    }

    @Test
    void aKeyRecoversWhenItsWindowEnds() {
        for (int i = 0; i < 3; i++) {
            throttle.take("vote", "alice", threePerMinute);
        }
        clock.now = clock.now.plusSeconds(60);
        assertThatCode(() -> throttle.take("vote", "alice", threePerMinute)).doesNotThrowAnyException();
    }

    @Test
    void failuresRecordedWithoutRefusalLockTheKeyUntilReset() {
        for (int i = 0; i < 3; i++) {
            throttle.check("failures", "alice", threePerMinute);
            throttle.record("failures", "alice", threePerMinute);
        }
        assertThatThrownBy(() -> throttle.check("failures", "alice", threePerMinute)).isInstanceOf(RateLimited.class);
        throttle.reset("failures", "alice");
        assertThatCode(() -> throttle.check("failures", "alice", threePerMinute)).doesNotThrowAnyException();
    }

    @Test
    void aFloodOfDistinctKeysDoesNotGrowMemoryWithoutBound() {
        ThrottleLimit one = new ThrottleLimit(1, Duration.ofHours(1), "Too many.");
        for (int i = 0; i < Throttle.MAX_KEYS + 10; i++) {
            throttle.take("sign-up", "10.0." + i, one);
        }
        assertThat(throttle.keys()).isLessThanOrEqualTo(Throttle.MAX_KEYS);
    }

    @Test
    void aLimitNeedsAPositiveCountAndWindow() {
        assertThatThrownBy(() -> new ThrottleLimit(0, Duration.ofMinutes(1), "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThrottleLimit(1, Duration.ZERO, "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
