package org.filmreviews.moderation.engine;

import java.util.List;

import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * Turns analysed text into the sparse vector the {@link TextClassifier} reads: words, word pairs and a few shapes
 * (long numbers, currency signs, shouting), each hashed into a fixed number of slots so that words never seen in
 * training, from moderator decisions, still get a weight of their own without a vocabulary to grow.
 *
 * <p>Every feature has the same value, 1/sqrt(number of features), so a long review does not outvote a short one
 * just by having more words.
 */
final class FeatureHasher {

    private static final int WORD = 0x2545F491;
    private static final int PAIR = 0x6C8E9CF5;
    private static final int SHAPE = 0x1B873593;
    private static final int CHARS = 0x7FEB352D;

    /** Snowball stemmers keep state between calls: one per thread. */
    private static final ThreadLocal<EnglishStemmer> STEMMER = ThreadLocal.withInitial(EnglishStemmer::new);

    private final int bits;
    private final boolean characterGrams;
    private final boolean stems;

    FeatureHasher(int bits, boolean characterGrams) {
        this(bits, characterGrams, false);
    }

    FeatureHasher(int bits, boolean characterGrams, boolean stems) {
        if (bits < 10 || bits > 26) {
            throw new IllegalArgumentException("bits must be between 10 and 26, was " + bits);
        }
        this.bits = bits;
        this.characterGrams = characterGrams;
        this.stems = stems;
    }

    boolean stems() {
        return stems;
    }

    int bits() {
        return bits;
    }

    boolean characterGrams() {
        return characterGrams;
    }

    /** Slot numbers, possibly repeated (a repeated slot simply counts twice). */
    int[] slots(TextAnalyser.Analysed text) {
        List<String> words = text.words();
        int size = words.size() * 2 + 4 + (characterGrams ? text.normalised().length() : 0);
        int[] slots = new int[size];
        int n = 0;
        int previous = 0x1F;
        EnglishStemmer stemmer = stems ? STEMMER.get() : null;
        for (String word : words) {
            int h = (stemmer == null ? word : stem(stemmer, word)).hashCode();
            slots[n++] = slot(mix(h ^ WORD));
            slots[n++] = slot(mix(previous * PAIR + h));
            previous = h;
        }
        slots[n++] = slot(mix(PAIR * 31 + previous));
        n = shapes(text, slots, n);
        if (characterGrams) {
            n = characterGrams(text.normalised(), slots, n);
        }
        return n == slots.length ? slots : java.util.Arrays.copyOf(slots, n);
    }

    /** The Snowball English stem of a word of Latin letters; other words unchanged. */
    private static String stem(EnglishStemmer stemmer, String word) {
        if (word.length() < 4) {
            return word;
        }
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if ((c < 'a' || c > 'z') && c != '\'') {
                return word;
            }
        }
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    private int shapes(TextAnalyser.Analysed text, int[] slots, int n) {
        String s = text.normalised();
        int digitsRun = 0;
        int longestDigits = 0;
        int currency = 0;
        int exclamations = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digitsRun++;
                longestDigits = Math.max(longestDigits, digitsRun);
            } else {
                digitsRun = 0;
                if (c == '$' || c == '£' || c == '€' || c == '¥' || c == '₽') {
                    currency++;
                } else if (c == '!') {
                    exclamations++;
                }
            }
        }
        if (longestDigits >= 5) {
            slots[n++] = slot(mix(SHAPE + 1));
        }
        if (currency > 0) {
            slots[n++] = slot(mix(SHAPE + 2));
        }
        if (exclamations >= 3) {
            slots[n++] = slot(mix(SHAPE + 3));
        }
        return n;
    }

    /** Character 4-grams inside words: they catch spelling variants and word pieces ("txt", "£100"). */
    private int characterGrams(String s, int[] slots, int n) {
        int h0 = 0;
        int h1 = 0;
        int h2 = 0;
        int run = 0;
        for (int i = 0; i < s.length() && n < slots.length; i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                run = 0;
                continue;
            }
            if (run >= 3) {
                slots[n++] = slot(mix(((h0 * 31 + h1) * 31 + h2) * 31 + c + CHARS));
            }
            h0 = h1;
            h1 = h2;
            h2 = c;
            run++;
        }
        return n;
    }

    private int slot(int hash) {
        return hash >>> (32 - bits);
    }

    /** A finaliser in the style of MurmurHash3, so that similar strings land in unrelated slots. */
    static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }
}
