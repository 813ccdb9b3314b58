package org.filmreviews.moderation.engine;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * First rule set: keeps advertising and links out and recognises reviews that announce their own
 * spoilers. Every rule that fires becomes a {@link Finding} with a sentence a moderator can read.
 */
public final class ModerationEngine {

    public static final String VERSION = "rules-1";

    private static final double REJECT_SPAM = 0.8;
    private static final double HOLD_SPAM = 0.5;
    private static final double SPOILER = 0.5;

    private record Rule(Pattern pattern, String code, String message, double weight) {
    }

    private static final List<Rule> SPAM_RULES = List.of(
            new Rule(Pattern.compile("\\b(?:https?://|www\\.)\\S+|\\b[a-z0-9-]+\\.(?:com|net|org|ru|io|tv|biz|info|xyz|top)\\b"),
                    "spam.link", "Contains a link to a web site.", 0.85),
            new Rule(Pattern.compile("\\bwatch (?:it |now |online )?(?:for )?free\\b|\\bstream (?:thousands|hundreds|unlimited)\\b"),
                    "spam.promotion", "Advertises watching or streaming for free.", 0.6),
            new Rule(Pattern.compile("\\bfree[ -]trial\\b|\\b\\d+[ -]day (?:free )?trial\\b|\\bfree for \\d+ days\\b"),
                    "spam.offer", "Offers a free trial.", 0.6),
            new Rule(Pattern.compile("\\b(?:sign up|subscribe now|click here|buy now|promo code|discount code|limited offer)\\b"),
                    "spam.call-to-action", "Asks readers to sign up, click or buy.", 0.5));

    /** Announcements that raise the spoiler score. */
    private static final Pattern SPOILER_ANNOUNCED = Pattern.compile(
            "\\bspoilers? (?:alert|ahead|warning|below)\\b|\\b(?:may|might|will|could) (?:be|contain) (?:a )?spoilers?\\b"
                    + "|\\benough (?:of )?spoilers?\\b|\\bcontains? spoilers?\\b|\\*\\s*spoilers?\\s*\\*");
    /** Announcements that there are none: they lower the score instead. */
    private static final Pattern SPOILER_DENIED = Pattern.compile(
            "\\b(?:no|without|free of|zero) (?:big |major |real |serious )?spoilers?\\b|\\bspoiler[- ]free\\b");

    public Verdict assess(Submission submission, FilmFacts film) {
        String text = normalise(submission.fullText());
        List<Finding> findings = new ArrayList<>();

        double clean = 1.0;
        for (Rule rule : SPAM_RULES) {
            if (rule.pattern.matcher(text).find()) {
                findings.add(new Finding(Finding.Signal.SPAM, rule.code, rule.message, rule.weight));
                clean *= 1 - rule.weight;
            }
        }
        double spam = 1 - clean;

        double spoiler = 0;
        if (submission.authorFlaggedSpoiler()) {
            spoiler = 1;
            findings.add(new Finding(Finding.Signal.SPOILER, "spoiler.author-flag", "The author marked the review as a spoiler.", 1));
        } else {
            Matcher announced = SPOILER_ANNOUNCED.matcher(text);
            boolean denied = SPOILER_DENIED.matcher(text).find();
            if (announced.find()) {
                spoiler = 0.9;
                findings.add(new Finding(Finding.Signal.SPOILER, "spoiler.marker",
                        "The review says it contains spoilers (\"" + announced.group() + "\").", 0.9));
            } else if (denied) {
                findings.add(new Finding(Finding.Signal.SPOILER, "spoiler.denied",
                        "The review says it has no big spoilers.", 0));
            }
        }

        Outcome outcome;
        if (spam >= REJECT_SPAM) {
            outcome = Outcome.REJECT;
        } else if (spam >= HOLD_SPAM) {
            outcome = Outcome.HOLD;
        } else if (spoiler >= SPOILER) {
            outcome = Outcome.PUBLISH_SPOILER;
        } else {
            outcome = Outcome.PUBLISH;
        }
        return new Verdict(outcome, spam, spoiler, findings, List.of(), VERSION);
    }

    static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
