package org.filmreviews.moderation.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers the MinHash signatures of the last {@code capacity} reviews, across all films, and finds the earlier
 * reviews by other authors that may nearly repeat a new one.
 *
 * <p>Candidates come from locality-sensitive hashing ({@link MinHash#bandKeys}): two texts become candidates when
 * any band of their signatures is identical, which happens almost surely above 70% similarity and rarely below 30%;
 * the engine then compares them in full. Everything lives in flat arrays used as a ring: when the index is full the
 * oldest review is forgotten, so memory stays bounded (about 550 bytes per review plus the ids).
 *
 * <p>Not thread-safe on its own: {@link LocalSubmissionMemory} holds the lock.
 */
final class NearDuplicateIndex {

    private static final int BANDS = MinHash.BANDS;
    /**
     * A wave of identical spam fills one bucket with copies; looking at the newest few is enough to find one, and
     * keeps a lookup from growing with the size of the wave.
     */
    private static final int MAX_VISITS_PER_BAND = 32;

    private final int capacity;
    private final int mask;
    private final SubmissionMemory.Entry[] entries;
    private final int[][] buckets;
    private final int[][] heads;
    private final int[] next;
    private final int[] previous;
    private final int[] seen;
    private int stamp;
    private final Map<String, Integer> slotOfReview = new HashMap<>();
    private int cursor;

    NearDuplicateIndex(int capacity) {
        this.capacity = Math.max(1, capacity);
        int tableSize = Integer.highestOneBit(Math.max(16, this.capacity) * 2 - 1);
        this.mask = tableSize - 1;
        this.entries = new SubmissionMemory.Entry[this.capacity];
        this.buckets = new int[this.capacity][];
        this.heads = new int[BANDS][tableSize];
        for (int[] head : heads) {
            Arrays.fill(head, -1);
        }
        this.next = new int[this.capacity * BANDS];
        this.previous = new int[this.capacity * BANDS];
        this.seen = new int[this.capacity];
    }

    /** Earlier reviews by other authors sharing a band with the arrival, newest first within each band. */
    List<SubmissionMemory.Entry> candidates(SubmissionMemory.Entry arrival, int[] bandKeys) {
        if (++stamp == 0) {
            Arrays.fill(seen, 0);
            stamp = 1;
        }
        List<SubmissionMemory.Entry> found = new ArrayList<>();
        for (int band = 0; band < BANDS; band++) {
            int visits = 0;
            for (int slot = heads[band][bandKeys[band] & mask]; slot >= 0
                    && visits < MAX_VISITS_PER_BAND; slot = next[slot * BANDS + band], visits++) {
                if (seen[slot] == stamp) {
                    continue;
                }
                seen[slot] = stamp;
                SubmissionMemory.Entry earlier = entries[slot];
                if (!earlier.reviewId().equals(arrival.reviewId()) && !earlier.authorId().equals(arrival.authorId())
                        && earlier.submittedAtMillis() <= arrival.submittedAtMillis()) {
                    found.add(earlier);
                }
            }
        }
        return found;
    }

    /** Remembers a review, replacing an earlier version with the same review id. */
    void remember(SubmissionMemory.Entry entry, int[] bandKeys) {
        forget(entry.reviewId());
        int slot = cursor;
        cursor = (cursor + 1) % capacity;
        if (entries[slot] != null) {
            slotOfReview.remove(entries[slot].reviewId());
            unlink(slot);
        }
        entries[slot] = entry;
        buckets[slot] = new int[BANDS];
        slotOfReview.put(entry.reviewId(), slot);
        for (int band = 0; band < BANDS; band++) {
            int bucket = bandKeys[band] & mask;
            buckets[slot][band] = bucket;
            int head = heads[band][bucket];
            next[slot * BANDS + band] = head;
            previous[slot * BANDS + band] = -1;
            if (head >= 0) {
                previous[head * BANDS + band] = slot;
            }
            heads[band][bucket] = slot;
        }
    }

    void forget(String reviewId) {
        Integer slot = slotOfReview.remove(reviewId);
        if (slot != null) {
            unlink(slot);
        }
    }

    int size() {
        return slotOfReview.size();
    }

    private void unlink(int slot) {
        for (int band = 0; band < BANDS; band++) {
            int before = previous[slot * BANDS + band];
            int after = next[slot * BANDS + band];
            if (before < 0) {
                heads[band][buckets[slot][band]] = after;
            } else {
                next[before * BANDS + band] = after;
            }
            if (after >= 0) {
                previous[after * BANDS + band] = before;
            }
        }
        entries[slot] = null;
        buckets[slot] = null;
    }
}
