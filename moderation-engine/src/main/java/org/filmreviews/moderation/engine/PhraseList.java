package org.filmreviews.moderation.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A list of phrases (regular-expression alternatives) matched against word text, i.e. words joined by single spaces.
 *
 * <p>A phrase can only start where a word starts, so instead of letting the regex engine try every alternative at
 * every character, the matcher is anchored at word starts only. This makes the phrase lists several times cheaper,
 * which matters on the hot path.
 */
final class PhraseList {

    private final Pattern pattern;
    /**
     * Literal beginnings of the alternatives, by first character; a word starting with none of them is skipped. ASCII
     * first characters are looked up in an array, as this runs at every word of every sentence.
     */
    private final Map<Character, String[]> openings;
    private final String[][] asciiOpenings;

    private PhraseList(Pattern pattern, Map<Character, String[]> openings) {
        this.pattern = pattern;
        this.openings = openings;
        this.asciiOpenings = new String[128][];
        if (openings != null) {
            openings.forEach((c, starts) -> {
                if (c < 128) {
                    asciiOpenings[c] = starts;
                }
            });
        }
    }

    /** {@code alternatives}: a regex of the form {@code \bfirst|\bsecond|...}; the leading word boundaries are implied. */
    static PhraseList of(String alternatives) {
        String body = alternatives.replace("|\\b", "|");
        if (body.startsWith("\\b")) {
            body = body.substring(2);
        }
        return new PhraseList(Pattern.compile("(?:" + body + ")(?![\\p{L}\\p{N}])"), openings(body));
    }

    /**
     * The literal text each alternative must start with: "watch ?(?:it )?free" starts with "watch", "(?:is|was) the"
     * with "is" or "was". An alternative that starts any other way makes this return null, and every word is tried.
     */
    private static Map<Character, String[]> openings(String body) {
        Map<Character, List<String>> found = new HashMap<>();
        for (String alternative : splitTopLevel(body)) {
            List<String> starts = new ArrayList<>();
            if (alternative.startsWith("\\d")) {
                for (char digit = '0'; digit <= '9'; digit++) {
                    starts.add(String.valueOf(digit));
                }
            } else if (alternative.startsWith("(?:")) {
                int close = alternative.indexOf(')');
                String group = alternative.substring(3, close);
                boolean optional = close + 1 < alternative.length() && "?*".indexOf(alternative.charAt(close + 1)) >= 0;
                if (group.contains("(") || optional) {
                    return null;
                }
                // "(?:el|la) asesino": a space after the group makes each start a whole word ("la ", not "last").
                String after = close + 1 < alternative.length() && alternative.charAt(close + 1) == ' ' ? " " : "";
                for (String start : group.split("\\|")) {
                    starts.add(start + after);
                }
            } else {
                starts.add(alternative);
            }
            for (String start : starts) {
                String literal = literalPrefix(start);
                if (literal.isEmpty()) {
                    return null;
                }
                found.computeIfAbsent(literal.charAt(0), c -> new ArrayList<>()).add(literal);
            }
        }
        Map<Character, String[]> openings = new HashMap<>();
        found.forEach((c, list) -> openings.put(c, list.toArray(String[]::new)));
        return openings;
    }

    /**
     * Letters, digits, apostrophes and spaces up to the first regex character, as far as the first word and the space
     * after it ("the ending is" gives "the "); a quantified last letter is dropped.
     */
    private static String literalPrefix(String regex) {
        int end = 0;
        while (end < regex.length()) {
            char c = regex.charAt(end);
            if (Character.isLetterOrDigit(c) || c == '\'' || c == ' ') {
                end++;
            } else {
                break;
            }
        }
        if (end < regex.length() && end > 0 && "?*{".indexOf(regex.charAt(end)) >= 0) {
            end--;
        }
        String literal = regex.substring(0, end);
        int space = literal.indexOf(' ');
        return space >= 0 ? literal.substring(0, space + 1) : literal;
    }

    private static List<String> splitTopLevel(String body) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                parts.add(body.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(body.substring(start));
        return parts;
    }

    /**
     * Whether words can be skipped by their first letters. A list whose alternatives do not all start with literal
     * text (or a group of literal words) is tried at every word, several times slower.
     */
    boolean skipsWords() {
        return openings != null;
    }

    private boolean mayStartAt(String words, int start) {
        if (openings == null) {
            return true;
        }
        char first = words.charAt(start);
        String[] candidates = first < 128 ? asciiOpenings[first] : openings.get(first);
        if (candidates == null) {
            return false;
        }
        for (String candidate : candidates) {
            if (words.startsWith(candidate, start)) {
                return true;
            }
        }
        return false;
    }

    /** Matches at word starts, in order; the consumer gets each match until it returns false. */
    void forEachMatch(String words, java.util.function.Predicate<String> consumer) {
        Matcher matcher = pattern.matcher(words);
        int n = words.length();
        int start = 0;
        while (start < n) {
            matcher.region(start, n);
            if (mayStartAt(words, start) && matcher.lookingAt()) {
                if (!consumer.test(matcher.group())) {
                    return;
                }
                start = matcher.end();
            }
            int space = words.indexOf(' ', start);
            if (space < 0) {
                return;
            }
            start = space + 1;
        }
    }

    String find(String words) {
        String[] found = new String[1];
        forEachMatch(words, match -> {
            found[0] = match;
            return false;
        });
        return found[0];
    }
}
