package org.filmreviews.moderation.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hand-written spam signals: advertising language, links, e-mail addresses, phone numbers, contact and price
 * offers, disguised words and keyboard mashing. Each signal that fires becomes one {@link Finding} whose weight is
 * what it adds to the spam score; no single signal here reaches the reject threshold on its own.
 *
 * <p>Phrase lists match the normalised words (so "Ｗａｔｃｈ ｆｒｅｅ" and "w a t c h  f r e e" match "watch free");
 * links, addresses and numbers are matched on the normalised text, which still has its punctuation.
 */
final class SpamSignals {

    /** A family of phrases with one code, one explanation and one weight; more distinct hits add a little. */
    private record PhraseRule(String code, PhraseList phrases, double weight, String explanation) {
    }

    /** The rules' codes, in the order their findings are listed, with what the text does when one fires. */
    private static final List<List<String>> EXPLAINED = List.of(
            List.of("spam.promotion", "advertises something other than the film"),
            List.of("spam.offer", "makes an offer such as a free trial, a discount or a prize"),
            List.of("spam.call-to-action", "asks readers to sign up, click, subscribe or buy"),
            List.of("spam.contact", "asks readers to get in touch outside this site"));
    /** The languages of the phrase files, in the order their phrases are tried (see {@link PhraseRules}). */
    static final List<String> LANGUAGES = List.of("en", "any", "de", "es", "fr", "id", "it", "pl", "pt", "ru", "tr");

    /** The phrases are data: {@code spam/<language>.rules}, read and checked once. */
    private static final List<PhraseRule> PHRASES = loadPhrases();

    private static List<PhraseRule> loadPhrases() {
        List<PhraseRules.Rule> rules = PhraseRules.load("spam", LANGUAGES, EXPLAINED.stream().map(e -> e.get(0)).toList());
        List<PhraseRule> phrases = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            PhraseRules.Rule rule = rules.get(i);
            phrases.add(new PhraseRule(rule.name(), rule.phrases(), rule.weight(), EXPLAINED.get(i).get(1)));
        }
        return List.copyOf(phrases);
    }

    private static final Pattern EMAIL = Pattern.compile(
            "\\b[a-z0-9._%+-]+@[a-z0-9-]+(?:\\.[a-z0-9-]+)+\\b"
                    + "|\\b[a-z0-9._-]+ ?(?:\\(at\\)|\\[at\\]| at ) ?(?:gmail|yahoo|hotmail|outlook|mail|yandex|proton)\\b");
    private static final Pattern PHONE = Pattern.compile("\\+?\\(?\\d[\\d ().-]{7,}\\d");
    private static final Pattern PRICE = Pattern.compile(
            "[$£€¥₽] ?\\d|\\d ?[$£€¥₽]|\\b\\d+(?:[.,]\\d+)? ?(?:usd|eur|gbp|dollars|euros|rubles|bucks|reais)\\b|\\d ?(?:рублей|руб|грн)(?![\\p{L}\\p{N}])|\\bper month\\b|\\bonly \\d+(?:[.,]\\d\\d)\\b");

    /** "@name" that is not part of an e-mail address: a handle to reach the author somewhere else. */
    private static final Pattern HANDLE = Pattern.compile("(?<![\\p{L}\\p{N}._%+-])@[a-z0-9_][a-z0-9_.]{2,29}");

    private final WebAddresses addresses = new WebAddresses();

    private static final String QWERTY_ROWS = "qwertyuiop|asdfghjkl|zxcvbnm";

    static List<PhraseList> phraseLists() {
        return PHRASES.stream().map(PhraseRule::phrases).toList();
    }

    List<Finding> findings(TextAnalyser.Analysed text) {
        List<Finding> findings = new ArrayList<>();
        String words = text.wordText();
        for (PhraseRule rule : PHRASES) {
            phraseFinding(rule, words).ifPresent(findings::add);
        }
        String raw = text.normalised();
        // Cheap checks first: most reviews have no "@", few long digit runs, and so on.
        java.util.Optional<String> link = addresses.first(raw);
        if (link.isPresent()) {
            // A link at the end of a sentence is matched with its punctuation; quote the address alone.
            String address = link.get().replaceAll("[.,;:!?)\\]'\"]+$", "");
            findings.add(spam("spam.link", 0.7, "Contains a link to a web site (" + quote(address) + ")."));
        } else {
            addresses.bracketedDot(raw).ifPresent(dot -> findings.add(spam("spam.link", 0.6,
                    "Writes a dot in brackets (" + quote(dot) + "), the way web addresses are disguised.")));
        }
        if ((raw.indexOf('@') >= 0 || raw.contains(" at ") || raw.contains("(at)") || raw.contains("[at]"))
                && EMAIL.matcher(raw).find()) {
            findings.add(spam("spam.email", 0.7, "Contains an e-mail address."));
        } else if (raw.indexOf('@') >= 0) {
            // Weak alone (people tag actors and studios), it tells with "telegram", "DM" or a price.
            Matcher handle = HANDLE.matcher(raw);
            if (handle.find()) {
                findings.add(spam("spam.handle", 0.3,
                        "Gives a handle to reach the author elsewhere (" + quote(handle.group()) + ")."));
            }
        }
        if (digits(raw) >= 9 && hasPhoneNumber(raw)) {
            findings.add(spam("spam.phone", 0.7, "Contains a phone number."));
        }
        Matcher price = PRICE.matcher(raw);
        if ((digits(raw) > 0 || raw.contains("per month")) && price.find()) {
            findings.add(spam("spam.price", 0.3, "Quotes a price (" + quote(price.group()) + ")."));
        }
        obfuscation(text.tricks()).ifPresent(findings::add);
        gibberish(text.words()).ifPresent(findings::add);
        return findings;
    }

    private static java.util.Optional<Finding> phraseFinding(PhraseRule rule, String words) {
        List<String> hits = new ArrayList<>(3);
        rule.phrases().forEachMatch(words, hit -> {
            if (!hits.contains(hit)) {
                hits.add(hit);
            }
            return hits.size() < 3;
        });
        if (hits.isEmpty()) {
            return java.util.Optional.empty();
        }
        // A second and third distinct phrase of the same kind make the signal surer, never sure.
        double weight = Math.min(0.8, rule.weight() + 0.1 * (hits.size() - 1));
        String quoted = String.join(", ", hits.stream().map(SpamSignals::quote).toList());
        return java.util.Optional.of(spam(rule.code(), weight,
                "The text " + rule.explanation() + " (" + quoted + ")."));
    }

    private static int digits(String raw) {
        int count = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                count++;
            }
        }
        return count;
    }

    private static boolean hasPhoneNumber(String raw) {
        Matcher matcher = PHONE.matcher(raw);
        while (matcher.find()) {
            int digits = 0;
            for (int i = matcher.start(); i < matcher.end(); i++) {
                if (Character.isDigit(raw.charAt(i))) {
                    digits++;
                }
            }
            if (digits >= 9 && digits <= 15) {
                return true;
            }
        }
        return false;
    }

    private static java.util.Optional<Finding> obfuscation(Set<Normaliser.Trick> tricks) {
        if (tricks.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<String> described = new ArrayList<>();
        for (Normaliser.Trick trick : tricks) {
            described.add(switch (trick) {
                case STYLED_LETTERS -> "fullwidth or styled letters";
                case INVISIBLE_CHARACTERS -> "invisible characters inside words";
                case MIXED_SCRIPTS -> "Cyrillic or Greek look-alike letters inside English words";
                case DIGITS_FOR_LETTERS -> "digits in place of letters";
                case SPACED_LETTERS -> "letters spread apart";
            });
        }
        double weight = Math.min(0.5, 0.3 + 0.1 * (tricks.size() - 1));
        return java.util.Optional.of(spam("spam.obfuscation", weight,
                "The text disguises its words (" + String.join(", ", described)
                        + "), a trick used to get advertising past filters."));
    }

    /**
     * Keyboard mashing and random letters: Latin words of six or more letters with no vowel, a run of six
     * consonants, or five or more neighbouring keys of one keyboard row ("asdfgh", "qwerty").
     */
    private static java.util.Optional<Finding> gibberish(List<String> words) {
        java.util.Optional<Finding> oneLetter = oneLetterOver(words);
        if (oneLetter.isPresent()) {
            return oneLetter;
        }
        int checked = 0;
        int odd = 0;
        String example = null;
        for (String word : words) {
            if (word.length() < 5 || !isLatinLetters(word)) {
                continue;
            }
            checked++;
            if (looksMashed(word)) {
                odd++;
                if (example == null) {
                    example = word;
                }
            }
        }
        if (odd == 0) {
            return java.util.Optional.empty();
        }
        double share = odd / (double) checked;
        double weight;
        if (share >= 0.5 && odd >= 2) {
            weight = 0.7;
        } else if (share >= 0.5 || odd >= 3) {
            weight = 0.5;
        } else {
            weight = 0.2;
        }
        return java.util.Optional.of(spam("spam.gibberish", weight,
                "Parts of the text look like random letters or keyboard mashing (" + quote(example) + ")."));
    }

    /** "oooooooooooo" or "aaaaaa aaaa": nearly all of ten or more letters are one letter. */
    private static java.util.Optional<Finding> oneLetterOver(List<String> words) {
        int letters = 0;
        int[] counts = new int[26];
        for (String word : words) {
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                if (c >= 'a' && c <= 'z') {
                    counts[c - 'a']++;
                    letters++;
                } else if (Character.isLetter(c)) {
                    return java.util.Optional.empty(); // other scripts are not judged by Latin letter counts
                }
            }
        }
        if (letters < 10) {
            return java.util.Optional.empty();
        }
        int most = 0;
        int which = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > most) {
                most = counts[i];
                which = i;
            }
        }
        if (most < 0.8 * letters) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(spam("spam.gibberish", 0.7,
                "The text is one letter over and over (" + quote(String.valueOf((char) ('a' + which)).repeat(5) + "...")
                        + ")."));
    }

    private static boolean isLatinLetters(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return true;
    }

    static boolean looksMashed(String word) {
        int vowels = 0;
        int consonantRun = 0;
        int longestConsonantRun = 0;
        int rowRun = 1;
        int longestRowRun = 1;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if ("aeiouy".indexOf(c) >= 0) {
                vowels++;
                consonantRun = 0;
            } else {
                consonantRun++;
                longestConsonantRun = Math.max(longestConsonantRun, consonantRun);
            }
            if (i > 0 && keyboardNeighbours(word.charAt(i - 1), c)) {
                rowRun++;
                longestRowRun = Math.max(longestRowRun, rowRun);
            } else {
                rowRun = 1;
            }
        }
        return (vowels == 0 && word.length() >= 6) || longestConsonantRun >= 6 || longestRowRun >= 5;
    }

    private static boolean keyboardNeighbours(char a, char b) {
        int i = QWERTY_ROWS.indexOf(a);
        int j = QWERTY_ROWS.indexOf(b);
        // Rows are separated by '|', so letters one apart in the string are neighbours on one row.
        return i >= 0 && j >= 0 && Math.abs(i - j) == 1;
    }

    private static Finding spam(String code, double weight, String message) {
        return new Finding(Finding.Signal.SPAM, code, message, weight);
    }

    static String quote(String text) {
        String trimmed = text.strip();
        if (trimmed.length() > 40) {
            trimmed = trimmed.substring(0, 37) + "...";
        }
        return "\"" + trimmed + "\"";
    }
}
