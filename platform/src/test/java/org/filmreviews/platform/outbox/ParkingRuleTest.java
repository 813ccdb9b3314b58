package org.filmreviews.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;

class ParkingRuleTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private final ParkingRule rule = new ParkingRule(3, Duration.ofMinutes(1));

    @Test
    void aRecordTheBrokerRefusesForWhatItIsIsParkedAtTheAttemptLimit() {
        ParkingRule.Verdict second = rule.afterFailure(1, NOW.minusSeconds(1), new RecordTooLargeException("too large"), false,
                NOW);
        ParkingRule.Verdict third = rule.afterFailure(2, NOW.minusSeconds(1), new RecordTooLargeException("too large"), false,
                NOW);

        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.park()).isFalse();
        assertThat(third.attempts()).isEqualTo(3);
        assertThat(third.park()).isTrue();
    }

    @Test
    void whileNothingGetsThroughNoRowIsParkedHoweverOftenItFailed() {
        ParkingRule.Verdict verdict = rule.afterFailure(50, null, new TimeoutException("no metadata"), false, NOW);

        assertThat(verdict.park()).isFalse();
        assertThat(verdict.attempts()).isEqualTo(51);
        assertThat(verdict.failingAloneSince()).as("failing with everyone is not failing alone").isNull();
    }

    @Test
    void aRowFailingWhileOthersGetThroughIsParkedOnlyAfterFailingAloneLongEnough() {
        Exception gone = new UnknownTopicOrPartitionException("deleted");

        ParkingRule.Verdict first = rule.afterFailure(0, null, gone, true, NOW);
        assertThat(first.failingAloneSince()).isEqualTo(NOW);
        assertThat(first.park()).isFalse();

        ParkingRule.Verdict soon = rule.afterFailure(5, NOW.minusSeconds(30), gone, true, NOW);
        assertThat(soon.park()).as("enough attempts, but only 30 s alone").isFalse();
        assertThat(soon.failingAloneSince()).as("the first time is kept").isEqualTo(NOW.minusSeconds(30));

        assertThat(rule.afterFailure(5, NOW.minusSeconds(60), gone, true, NOW).park()).isTrue();
        assertThat(rule.afterFailure(1, NOW.minusSeconds(600), gone, true, NOW).park()).as("long alone, too few attempts")
                .isFalse();
    }

    @Test
    void aRowThatFailedAloneLongEnoughIsNotParkedInARoundWhereNothingGotThrough() {
        assertThat(
                rule.afterFailure(5, NOW.minusSeconds(600), new UnknownTopicOrPartitionException("deleted"), false, NOW).park())
                .isFalse();
    }
}
