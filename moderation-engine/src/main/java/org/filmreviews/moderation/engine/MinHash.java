package org.filmreviews.moderation.engine;

import java.util.List;
import java.util.SplittableRandom;

/**
 * MinHash signatures over word shingles: two texts agree in a signature position with probability equal to the
 * Jaccard similarity of their shingle sets, so comparing 64 integers estimates how much of one text is in the other.
 *
 * <p>Shingles are three consecutive words; texts shorter than that use their single words. CJK text is tokenised one
 * character per word, so its shingles are character trigrams.
 */
final class MinHash {

    static final int SIZE = 64;
    /** Locality-sensitive hashing cuts a signature into this many bands of {@code SIZE / BANDS} numbers. */
    static final int BANDS = 16;
    private static final int ROWS = SIZE / BANDS;
    private static final long[] MULTIPLIERS = new long[SIZE];
    private static final long[] OFFSETS = new long[SIZE];

    static {
        // A fixed seed: signatures must mean the same thing in every process and after every restart.
        SplittableRandom random = new SplittableRandom(0x5EEDF11EL);
        for (int i = 0; i < SIZE; i++) {
            MULTIPLIERS[i] = random.nextLong() | 1L;
            OFFSETS[i] = random.nextLong();
        }
    }

    private MinHash() {
    }

    static int[] signature(List<String> words) {
        int[] signature = new int[SIZE];
        java.util.Arrays.fill(signature, Integer.MAX_VALUE);
        int n = words.size();
        if (n == 0) {
            return signature;
        }
        if (n < 3) {
            for (String word : words) {
                add(signature, word.hashCode());
            }
            return signature;
        }
        int a = words.get(0).hashCode();
        int b = words.get(1).hashCode();
        for (int i = 2; i < n; i++) {
            int c = words.get(i).hashCode();
            add(signature, (a * 31 + b) * 31 + c);
            a = b;
            b = c;
        }
        return signature;
    }

    private static void add(int[] signature, int shingle) {
        long x = FeatureHasher.mix(shingle);
        for (int i = 0; i < SIZE; i++) {
            int h = (int) ((x * MULTIPLIERS[i] + OFFSETS[i]) >>> 33);
            if (h < signature[i]) {
                signature[i] = h;
            }
        }
    }

    /** Estimated Jaccard similarity of the two shingle sets. */
    static double similarity(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < SIZE; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return same / (double) SIZE;
    }

    /**
     * One hash per band of the signature, the band's number mixed in: two texts that share any band key are
     * candidates for a full comparison. The keys mean the same in every process, so they may be stored and indexed.
     */
    static int[] bandKeys(int[] signature) {
        int[] keys = new int[BANDS];
        for (int band = 0; band < BANDS; band++) {
            int h = band;
            for (int r = 0; r < ROWS; r++) {
                h = h * 0x01000193 ^ signature[band * ROWS + r];
            }
            keys[band] = FeatureHasher.mix(h);
        }
        return keys;
    }
}
