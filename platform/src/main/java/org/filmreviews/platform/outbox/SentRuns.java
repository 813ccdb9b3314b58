package org.filmreviews.platform.outbox;

import java.util.ArrayList;
import java.util.List;

/**
 * The acknowledged rows of a round as runs of consecutive sequence numbers, so that each run is marked sent
 * by one short statement instead of a list of thousands of ids (which cost more than the sends themselves).
 * A run covers only numbers that are all in the list, so a row committed late into a gap is never in one.
 */
final class SentRuns {

    /** {@code first} to {@code last}, both included. */
    record Run(long first, long last) {
    }

    private SentRuns() {
    }

    /** @param acknowledged sequence numbers in ascending order */
    static List<Run> of(List<Long> acknowledged) {
        List<Run> runs = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= acknowledged.size(); i++) {
            if (i == acknowledged.size() || acknowledged.get(i) != acknowledged.get(i - 1) + 1) {
                runs.add(new Run(acknowledged.get(start), acknowledged.get(i - 1)));
                start = i;
            }
        }
        return runs;
    }
}
