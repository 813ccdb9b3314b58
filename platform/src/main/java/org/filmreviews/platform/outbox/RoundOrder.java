package org.filmreviews.platform.outbox;

import java.util.HashSet;
import java.util.Set;

/**
 * Which rows of one relay round may be sent now, so that each key's rows reach the broker in the order
 * they were written: once a row of a key failed (or went by the other producer, which keeps no order with
 * the first), the key's later rows wait for the next round; every other key keeps flowing. A topic the
 * broker has no metadata for holds its rows too, and two such topics mean the broker itself is away.
 * Not thread-safe: one per round.
 */
final class RoundOrder {

    private final Set<String> waitingKeys = new HashSet<>();
    private final Set<String> topicsWithoutMetadata = new HashSet<>();

    /** Whether a row of this key and topic may be sent in this round; when not, its key waits from now on. */
    boolean mayGo(String key, String topic) {
        if (waitingKeys.contains(key) || topicsWithoutMetadata.contains(topic)) {
            waitingKeys.add(key);
            return false;
        }
        return true;
    }

    /** The key's later rows wait for the next round (behind a failed row, or one sent by the other producer). */
    void holdBehind(String key) {
        waitingKeys.add(key);
    }

    /**
     * The broker had no metadata for the topic in time: its later rows wait.
     *
     * @return true when this is the second such topic: the broker is away, and the rest of the round would wait as long
     */
    boolean noMetadataFor(String topic) {
        topicsWithoutMetadata.add(topic);
        return topicsWithoutMetadata.size() > 1;
    }
}
