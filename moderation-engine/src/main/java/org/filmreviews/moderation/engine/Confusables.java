package org.filmreviews.moderation.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.SpoofChecker;

/**
 * Which letters of other scripts pass for a lower-case Latin letter. The Unicode confusables of UTS #39, through
 * ICU's {@link SpoofChecker}: a letter is confusable with "a" when both have the same skeleton. That covers Cyrillic,
 * Greek, Armenian, Cherokee, Coptic and the rest that spammers borrow from ("ԁ", "ӏ", "ϲ", "օ"...). UTS #39 leaves out
 * the letters that only look like Latin small capitals ("т" for t, "н" for h); spammers use them too, so a short list
 * adds those.
 */
final class Confusables {

    private static final SpoofChecker SKELETONS = new SpoofChecker.Builder().build();
    /** The skeleton of each Latin letter a to z ("m" has "rn"), for reading a skeleton back as a letter. */
    private static final Map<String, Character> LATIN_BY_SKELETON = latinBySkeleton();
    /** Cyrillic and Greek letters shaped like Latin small capitals, which UTS #39 does not count as confusable. */
    private static final Map<Character, Character> SMALL_CAPITALS = Map.ofEntries(
            Map.entry('в', 'b'), Map.entry('н', 'h'), Map.entry('к', 'k'), Map.entry('м', 'm'), Map.entry('т', 't'),
            Map.entry('β', 'b'), Map.entry('ε', 'e'), Map.entry('κ', 'k'), Map.entry('τ', 't'), Map.entry('χ', 'x'),
            Map.entry('ω', 'w'));
    private static final char NONE = 0;
    private static final Map<Character, Character> KNOWN = new ConcurrentHashMap<>();

    private Confusables() {
    }

    /** The Latin letter a non-Latin letter passes for, or 0; always 0 for ASCII and Latin-script letters. */
    static char latinFor(char c) {
        if (c < 0x80 || !Character.isLetter(c)) {
            return NONE;
        }
        return KNOWN.computeIfAbsent(c, Confusables::lookUp);
    }

    private static char lookUp(char c) {
        if (UScript.getScript(c) == UScript.LATIN) {
            return NONE;
        }
        Character smallCapital = SMALL_CAPITALS.get(c);
        if (smallCapital != null) {
            return smallCapital;
        }
        Character latin = LATIN_BY_SKELETON.get(SKELETONS.getSkeleton(String.valueOf(c)));
        return latin == null ? NONE : latin;
    }

    private static Map<String, Character> latinBySkeleton() {
        Map<String, Character> letters = new HashMap<>();
        for (char letter = 'a'; letter <= 'z'; letter++) {
            letters.put(SKELETONS.getSkeleton(String.valueOf(letter)), letter);
        }
        return Map.copyOf(letters);
    }
}
