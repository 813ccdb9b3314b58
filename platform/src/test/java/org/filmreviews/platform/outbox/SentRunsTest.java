package org.filmreviews.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SentRunsTest {

    @Test
    void consecutiveSequenceNumbersAreMarkedByOneRun() {
        assertThat(SentRuns.of(List.of(5L, 6L, 7L, 8L))).containsExactly(new SentRuns.Run(5, 8));
    }

    @Test
    void aGapSplitsTheRunsSoThatARowCommittedLateIntoItIsNeverMarked() {
        // 4 and 7 were not read (a row committed late, a row that failed): no run may cover them
        assertThat(SentRuns.of(List.of(1L, 2L, 3L, 5L, 6L, 8L)))
                .containsExactly(new SentRuns.Run(1, 3), new SentRuns.Run(5, 6), new SentRuns.Run(8, 8));
    }

    @Test
    void nothingAcknowledgedMarksNothing() {
        assertThat(SentRuns.of(List.of())).isEmpty();
    }

    @Test
    void sequenceNumbersBeyondTheSmallIntegerCacheStillJoinARun() {
        // Long values above 127 are distinct objects: the comparison must be of values, not of references
        assertThat(SentRuns.of(List.of(1_000L, 1_001L, 1_002L))).containsExactly(new SentRuns.Run(1_000, 1_002));
    }
}
