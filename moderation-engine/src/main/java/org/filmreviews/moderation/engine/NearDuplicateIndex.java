package org.filmreviews.moderation.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers the MinHash signatures of the last {@code capacity} reviews, across all films, and finds an earlier
 * review by another author whose text is nearly the same.
 *
 * <p>Candidates come from locality-sensitive hashing: the 64-number signature is cut into 16 bands of 4, and two
 * texts become candidates when any band is identical, which happens almost surely above 70% similarity and rarely
 * below 30%. Candidates are then compared in full. Everything lives in flat arrays used as a ring: when the index
 * is full the oldest review is forgotten, so memory stays bounded (about 550 bytes per review plus the ids).
 *
 * <p>Thread-safe; a lookup and the insert that follows it are one atomic step, so two copies arriving at the same
 * moment cannot both miss each other.
 */
final class NearDuplicateIndex {

    /** An earlier review that the new one nearly repeats. */
    record Match(String reviewId, String authorId, String filmId, long submittedAtMillis, double similarity) {
    }

    private static final int BANDS = 16;
    private static final int ROWS = MinHash.SIZE / BANDS;
    /**
     * A wave of identical spam fills one bucket with copies; looking at the newest few is enough to find one, and
     * keeps a lookup from growing with the size of the wave.
     */
    private static final int MAX_VISITS_PER_BAND = 32;
    private static final double CERTAIN = 0.97;

    private final int capacity;
    private final int mask;
    private final String[] reviewIds;
    private final String[] authorIds;
    private final String[] filmIds;
    private final long[] times;
    private final int[][] signatures;
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
        this.reviewIds = new String[this.capacity];
        this.authorIds = new String[this.capacity];
        this.filmIds = new String[this.capacity];
        this.times = new long[this.capacity];
        this.signatures = new int[this.capacity][];
        this.heads = new int[BANDS][tableSize];
        for (int[] head : heads) {
            Arrays.fill(head, -1);
        }
        this.next = new int[this.capacity * BANDS];
        this.previous = new int[this.capacity * BANDS];
        this.seen = new int[this.capacity];
    }

    /**
     * Looks for the most similar review by a different author submitted no later than this one, then remembers this
     * one (replacing an earlier version with the same review id, so a redelivered event never matches itself).
     */
    synchronized Optional<Match> matchAndRemember(String reviewId, String authorId, String filmId, long submittedAtMillis,
            int[] signature, double minimumSimilarity) {
        Optional<Match> match = bestEarlierMatch(reviewId, authorId, submittedAtMillis, signature, minimumSimilarity);
        remember(reviewId, authorId, filmId, submittedAtMillis, signature);
        return match;
    }

    /** The same lookup without remembering: what a review was matched with when it arrived, asked again later. */
    synchronized Optional<Match> match(String reviewId, String authorId, long submittedAtMillis, int[] signature,
            double minimumSimilarity) {
        return bestEarlierMatch(reviewId, authorId, submittedAtMillis, signature, minimumSimilarity);
    }

    synchronized void remember(String reviewId, String authorId, String filmId, long submittedAtMillis, int[] signature) {
        Integer earlierVersion = slotOfReview.remove(reviewId);
        if (earlierVersion != null) {
            unlink(earlierVersion);
        }
        int slot = cursor;
        cursor = (cursor + 1) % capacity;
        if (reviewIds[slot] != null) {
            slotOfReview.remove(reviewIds[slot]);
            unlink(slot);
        }
        reviewIds[slot] = reviewId;
        authorIds[slot] = authorId;
        filmIds[slot] = filmId;
        times[slot] = submittedAtMillis;
        signatures[slot] = signature;
        slotOfReview.put(reviewId, slot);
        for (int band = 0; band < BANDS; band++) {
            int bucket = bucket(signature, band);
            int head = heads[band][bucket];
            next[slot * BANDS + band] = head;
            previous[slot * BANDS + band] = -1;
            if (head >= 0) {
                previous[head * BANDS + band] = slot;
            }
            heads[band][bucket] = slot;
        }
    }

    synchronized void forget(String reviewId) {
        Integer slot = slotOfReview.remove(reviewId);
        if (slot != null) {
            unlink(slot);
        }
    }

    synchronized int size() {
        return slotOfReview.size();
    }

    private Optional<Match> bestEarlierMatch(String reviewId, String authorId, long millis, int[] signature, double minimum) {
        if (++stamp == 0) {
            Arrays.fill(seen, 0);
            stamp = 1;
        }
        int best = -1;
        double bestSimilarity = minimum;
        for (int band = 0; band < BANDS && bestSimilarity < CERTAIN; band++) {
            int visits = 0;
            for (int slot = heads[band][bucket(signature, band)]; slot >= 0 && visits < MAX_VISITS_PER_BAND;
                    slot = next[slot * BANDS + band], visits++) {
                if (seen[slot] == stamp) {
                    continue;
                }
                seen[slot] = stamp;
                if (reviewIds[slot].equals(reviewId) || authorIds[slot].equals(authorId) || times[slot] > millis) {
                    continue;
                }
                double similarity = MinHash.similarity(signature, signatures[slot]);
                if (similarity >= bestSimilarity) {
                    best = slot;
                    bestSimilarity = similarity;
                }
            }
        }
        if (best < 0) {
            return Optional.empty();
        }
        return Optional.of(new Match(reviewIds[best], authorIds[best], filmIds[best], times[best], bestSimilarity));
    }

    private void unlink(int slot) {
        int[] signature = signatures[slot];
        for (int band = 0; band < BANDS; band++) {
            int before = previous[slot * BANDS + band];
            int after = next[slot * BANDS + band];
            if (before < 0) {
                heads[band][bucket(signature, band)] = after;
            } else {
                next[before * BANDS + band] = after;
            }
            if (after >= 0) {
                previous[after * BANDS + band] = before;
            }
        }
        reviewIds[slot] = null;
        authorIds[slot] = null;
        filmIds[slot] = null;
        signatures[slot] = null;
    }

    private int bucket(int[] signature, int band) {
        int h = band;
        for (int r = 0; r < ROWS; r++) {
            h = h * 0x01000193 ^ signature[band * ROWS + r];
        }
        return FeatureHasher.mix(h) & mask;
    }
}
