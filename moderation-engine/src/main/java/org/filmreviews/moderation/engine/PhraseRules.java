package org.filmreviews.moderation.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Phrase rules kept as data: one resource file per rule set and language ({@code spam/en.rules},
 * {@code spoiler/de.rules}), read once when the signals that use them are first loaded.
 *
 * <p>A file is lines: blank lines and lines starting with {@code #} are skipped; {@code [name weight]} opens a section
 * for the rule {@code name}, whose findings weigh {@code weight} (above 0, at most 1); every other line is one phrase,
 * a regular expression matched at word starts against the normalised words (its leading {@code \b} is implied).
 * A file is checked as it is read, and anything wrong (an unknown section, a phrase before any section, a malformed
 * or disagreeing weight, an empty or invalid phrase, one phrase twice) stops the load with the file and line.
 *
 * <p>Order is meaning: at one word the first phrase that matches is the one quoted, so a rule's phrases are its
 * lines in the order of the given files and, within a file, of the lines.
 */
final class PhraseRules {

    /** One rule: its phrases from every file, as one list. */
    record Rule(String name, double weight, PhraseList phrases) {
    }

    /** A phrase as read, with where it came from. */
    record Phrase(String text, String file, int line) {
    }

    private static final Pattern SECTION = Pattern.compile("\\[([a-z.-]+) ([^\\]]*)]");

    private PhraseRules() {
    }

    /**
     * The rules of a rule set in the order of {@code names}, each with its phrases from the files
     * {@code ruleSet/<language>.rules} in the order of {@code languages}; every file must exist.
     *
     * @throws IllegalStateException naming the file and line of the first mistake
     */
    static List<Rule> load(String ruleSet, List<String> languages, List<String> names) {
        Map<String, List<Phrase>> phrases = new LinkedHashMap<>();
        Map<String, Double> weights = new HashMap<>();
        Map<String, Phrase> seen = new HashMap<>();
        for (String name : names) {
            phrases.put(name, new ArrayList<>());
        }
        for (String language : languages) {
            String file = ruleSet + "/" + language + ".rules";
            read(file, lines(file), phrases, weights, seen);
        }
        List<Rule> rules = new ArrayList<>();
        for (String name : names) {
            List<String> texts = phrases.get(name).stream().map(Phrase::text).toList();
            if (texts.isEmpty()) {
                throw new IllegalStateException(ruleSet + ": no phrases for the rule " + name);
            }
            rules.add(new Rule(name, weights.get(name), PhraseList.of(String.join("|", texts))));
        }
        return rules;
    }

    /**
     * Reads one file's lines into {@code phrases} (by rule; its keys are the known rule names), checking them against
     * the weights and phrases already read from other files.
     */
    static void read(String file, List<String> lines, Map<String, List<Phrase>> phrases, Map<String, Double> weights,
            Map<String, Phrase> seen) {
        String section = null;
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                section = section(file, number, line, phrases, weights);
                continue;
            }
            if (section == null) {
                throw mistake(file, number, "a phrase before any [rule weight] section");
            }
            String phrase = line.startsWith("\\b") ? line.substring(2) : line;
            if (phrase.isEmpty() || phrase.equals("\\b")) {
                throw mistake(file, number, "an empty phrase");
            }
            try {
                Pattern.compile(phrase);
            } catch (PatternSyntaxException e) {
                throw mistake(file, number, "not a regular expression: " + e.getDescription());
            }
            Phrase read = new Phrase(phrase, file, number);
            Phrase earlier = seen.putIfAbsent(phrase, read);
            if (earlier != null) {
                throw mistake(file, number,
                        "the phrase \"" + phrase + "\" is already at " + earlier.file() + " line " + earlier.line());
            }
            phrases.get(section).add(read);
        }
    }

    private static String section(String file, int number, String line, Map<String, List<Phrase>> phrases,
            Map<String, Double> weights) {
        java.util.regex.Matcher header = SECTION.matcher(line);
        if (!header.matches()) {
            throw mistake(file, number, "a section is [rule weight], not " + line);
        }
        String name = header.group(1);
        if (!phrases.containsKey(name)) {
            throw mistake(file, number, "unknown section " + name + " (known: " + String.join(", ", phrases.keySet()) + ")");
        }
        double weight;
        try {
            weight = Double.parseDouble(header.group(2));
        } catch (NumberFormatException e) {
            throw mistake(file, number, "malformed weight \"" + header.group(2) + "\"");
        }
        if (!(weight > 0 && weight <= 1)) {
            throw mistake(file, number, "malformed weight " + header.group(2) + ": a weight is above 0 and at most 1");
        }
        Double agreed = weights.putIfAbsent(name, weight);
        if (agreed != null && agreed != weight) {
            throw mistake(file, number, "weight " + weight + " for " + name + ", which another file gives " + agreed);
        }
        return name;
    }

    private static IllegalStateException mistake(String file, int line, String what) {
        return new IllegalStateException(file + " line " + line + ": " + what);
    }

    private static List<String> lines(String file) {
        try (InputStream in = PhraseRules.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException(file + ": missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(file, e);
        }
    }
}
