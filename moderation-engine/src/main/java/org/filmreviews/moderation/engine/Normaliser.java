package org.filmreviews.moderation.engine;

import java.text.Normalizer;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Undoes the tricks spammers use to get words past filters, so that "Ｗａｔｃｈ ｆｒｅｅ", "w a t c h  f r e e",
 * "fr33 tr1al" and "frее" with Cyrillic "е" all read "watch free", "free trial" and "free".
 *
 * <p>The result is lower case and NFKC-normalised. Honest text in any script passes through unchanged apart from
 * case and compatibility forms: look-alike letters ({@link Confusables}) are only mapped inside words that already
 * mix them with Latin letters, or that stand in Latin text, and digits are only read as letters inside words that
 * start with a Latin letter.
 */
final class Normaliser {

    /** A trick that was undone; reported because honest reviewers rarely need any of them. */
    enum Trick {
        /** Fullwidth, mathematical or circled Latin letters: "Ｆｒｅｅ", "𝐅𝐫𝐞𝐞". */
        STYLED_LETTERS,
        /** Zero-width or soft-hyphen characters hidden inside words. */
        INVISIBLE_CHARACTERS,
        /** Look-alike letters of other scripts (Cyrillic, Greek, Armenian...) inside a Latin word or Latin text. */
        MIXED_SCRIPTS,
        /** Digits standing in for letters: "fr33", "tr1al". */
        DIGITS_FOR_LETTERS,
        /** Letters spread apart: "w a t c h", "f.r.e.e". */
        SPACED_LETTERS
    }

    record Result(String text, Set<Trick> tricks) {
    }

    Result normalise(String input) {
        if (input == null || input.isEmpty()) {
            return new Result("", Set.of());
        }
        EnumSet<Trick> tricks = EnumSet.noneOf(Trick.class);
        String text = input;
        if (!isPlainAscii(text)) {
            if (hasStyledLatin(text)) {
                tricks.add(Trick.STYLED_LETTERS);
            }
            if (!Normalizer.isNormalized(text, Normalizer.Form.NFKC)) {
                text = Normalizer.normalize(text, Normalizer.Form.NFKC);
            }
            text = removeInvisible(text, tricks);
        }
        text = text.toLowerCase(Locale.ROOT);
        text = fixWords(text, tricks);
        text = joinSpacedLetters(text, tricks);
        return new Result(text, tricks.isEmpty() ? Set.of() : tricks);
    }

    private static boolean isPlainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * Fullwidth Latin letters are normal inside Japanese or Chinese text ("ＤＶＤ"), so they only count as a trick
     * when the text has no CJK characters at all.
     */
    private static boolean hasStyledLatin(String text) {
        boolean fullwidth = false;
        boolean cjk = false;
        for (int i = 0; i < text.length();) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if ((cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A)) {
                fullwidth = true;
            } else if ((cp >= 0x1D400 && cp <= 0x1D7FF) || (cp >= 0x24B6 && cp <= 0x24E9) || (cp >= 0x1F130 && cp <= 0x1F189)) {
                return true;
            } else if (isCjk(cp)) {
                cjk = true;
            }
        }
        return fullwidth && !cjk;
    }

    private static boolean isCjk(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    private static boolean isInvisible(char c) {
        return (c >= '\u200B' && c <= '\u200F') || (c >= '\u2060' && c <= '\u2064') || c == '\uFEFF' || c == '\u00AD'
                || c == '\u034F' || c == '\u180E';
    }

    private static String removeInvisible(String text, Set<Trick> tricks) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isInvisible(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                tricks.add(Trick.INVISIBLE_CHARACTERS);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** Walks the words (runs of letters and digits) and repairs mixed scripts and digits used as letters. */
    private static String fixWords(String text, Set<Trick> tricks) {
        char[] chars = null;
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            int latin = 0;
            int lookalikes = 0;
            int digits = 0;
            while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                char c = text.charAt(i);
                if (c >= 'a' && c <= 'z') {
                    latin++;
                } else if (c >= '0' && c <= '9') {
                    digits++;
                } else if (Confusables.latinFor(c) != 0) {
                    lookalikes++;
                }
                i++;
            }
            // A word all in look-alike letters ("сс" in "moviehub dot сс") counts as mixed when the text around it is
            // Latin: in Russian or Greek text the same letters are just words.
            boolean mixed = lookalikes > 0 && (latin > 0 || lookalikes == i - start && lookalikes >= 2 && mostlyLatin(text));
            boolean leet = digits > 0 && latin >= 2 && readsDigitsAsLetters(text, start, i);
            if (mixed || leet) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                for (int k = start; k < i; k++) {
                    char c = chars[k];
                    if (mixed && Confusables.latinFor(c) != 0) {
                        chars[k] = Confusables.latinFor(c);
                    } else if (leet && c >= '0' && c <= '9') {
                        chars[k] = letterForDigit(c);
                    }
                }
                tricks.add(mixed ? Trick.MIXED_SCRIPTS : Trick.DIGITS_FOR_LETTERS);
                if (mixed && leet) {
                    tricks.add(Trick.DIGITS_FOR_LETTERS);
                }
            }
        }
        return chars == null ? text : new String(chars);
    }

    /** Nine in ten letters of the text are ASCII Latin. */
    private static boolean mostlyLatin(String text) {
        int latin = 0;
        int other = 0;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c >= 'a' && c <= 'z') {
                latin++;
            } else if (Character.isLetter(c)) {
                other++;
            }
        }
        return latin >= 9 * other;
    }

    /**
     * "tr1al" and "m0vies" have a digit between letters; "fr33" ends in two digits that stand for vowels. Words
     * that start with a digit ("1930th", "80s", "4k") and model numbers with one trailing digit ("mp3") stay as
     * they are.
     */
    private static boolean readsDigitsAsLetters(String text, int start, int end) {
        char first = text.charAt(start);
        if (first < 'a' || first > 'z') {
            return false;
        }
        for (int k = start; k < end; k++) {
            if (Character.isDigit(text.charAt(k)) && letterForDigit(text.charAt(k)) == 0) {
                return false;
            }
        }
        int lastLetter = end - 1;
        while (lastLetter >= start && Character.isDigit(text.charAt(lastLetter))) {
            lastLetter--;
        }
        for (int k = start; k < lastLetter; k++) {
            if (Character.isDigit(text.charAt(k))) {
                return true;
            }
        }
        int trailingDigits = end - 1 - lastLetter;
        return trailingDigits >= 2 && lastLetter - start + 1 >= 2;
    }

    private static char letterForDigit(char digit) {
        return switch (digit) {
            case '0' -> 'o';
            case '1' -> 'i';
            case '3' -> 'e';
            case '4' -> 'a';
            case '5' -> 's';
            case '7' -> 't';
            case '8' -> 'b';
            default -> 0;
        };
    }

    private static boolean isSpacer(char c) {
        return c == ' ' || c == '.' || c == '-' || c == '_' || c == '*' || c == '|' || c == '/' || c == '+' || c == '~';
    }

    /**
     * Joins three or more single letters separated by one spacer character: "w a t c h" becomes "watch". A wider gap
     * ("w a t c h  f r e e") or a change of spacer keeps the words apart, so initials such as "J. R. R." (two
     * characters between the letters) are left alone.
     */
    private static String joinSpacedLetters(String text, Set<Trick> tricks) {
        int n = text.length();
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        while (i < n) {
            if (!isSingleLetterAt(text, i)) {
                i++;
                continue;
            }
            // Collect a run of single letters, each followed by exactly one (and the same) spacer.
            int runStart = i;
            int letters = 1;
            char spacer = 0;
            int j = i + 1;
            while (j + 1 < n && isSpacer(text.charAt(j)) && (spacer == 0 || text.charAt(j) == spacer)
                    && isSingleLetterAt(text, j + 1)) {
                spacer = text.charAt(j);
                letters++;
                j += 2;
            }
            if (letters >= 3) {
                if (out == null) {
                    out = new StringBuilder(n);
                }
                out.append(text, copied, runStart);
                for (int k = runStart; k < j; k += 2) {
                    out.append(text.charAt(k));
                }
                copied = j;
                tricks.add(Trick.SPACED_LETTERS);
            }
            i = j;
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copied, n).toString();
    }

    /** A letter with no letter or digit directly before or after it. */
    private static boolean isSingleLetterAt(String text, int i) {
        if (!Character.isLetter(text.charAt(i))) {
            return false;
        }
        boolean before = i > 0 && Character.isLetterOrDigit(text.charAt(i - 1));
        boolean after = i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i + 1));
        return !before && !after;
    }
}
