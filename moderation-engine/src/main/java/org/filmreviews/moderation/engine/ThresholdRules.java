package org.filmreviews.moderation.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How each learnable threshold follows from a window of moderator decisions ({@link ThresholdTuner}'s), within bounds
 * set around the configured {@link Thresholds}: pure functions, so the same decisions always give the same thresholds.
 *
 * <p>Moderators do not see a random sample of reviews: they see what the engine held (every review scoring between
 * {@code holdSpam} and {@code rejectSpam}), appeals against its rejections, and published reviews someone took down.
 * Each rule therefore only reads the decisions that are a fair sample for the question it asks:
 * <ul>
 * <li><b>rejectSpam</b> only moves down. Lowering it from {@code c} to {@code s} turns into rejections exactly the
 * reviews scoring in {@code [s, c)}, which today are all held and all decided by moderators, so the decisions in that
 * band are the whole population, not a sample. Above {@code c} moderators only see appeals, a sample full of the
 * engine's mistakes, which says nothing about its precision there.</li>
 * <li><b>holdSpam</b> rises when moderators published nearly every held review just above it (their time was wasted)
 * and falls when spam kept slipping through just below it. Below {@code holdSpam} moderators only see what someone
 * reported, so no share is computed there: only a count of spam that got through, and a bounded step.</li>
 * <li><b>spoiler</b> is chosen by F2 over reviews moderators published, with or without a spoiler warning. Those
 * reviews were held for spam reasons, which says little about their spoilers, so they are a fair sample of spoiler
 * scores. Reviews their author flagged are left out: the flag decides them whatever the threshold.</li>
 * </ul>
 * {@code spoilerSentence} is not learned: moderators rarely choose sentences one by one.
 *
 */
final class ThresholdRules {

    /** No threshold moves on fewer decisions than this. */
    static final int MIN_EVIDENCE = 30;

    /** rejectSpam: the share of rejections (in per cent) a band needs before the engine rejects it alone. */
    static final int REJECT_PERCENT = 98;
    /** rejectSpam never goes below this, so rejecting still takes two kinds of evidence (every single signal weighs at most 0.8, links 0.7). */
    static final double REJECT_FLOOR = 0.70;
    /**
     * Decisions needed just above a new rejectSpam (within {@link #LOCAL_BAND}), the lowest of them in its own
     * hundredth: the threshold sits on scores moderators have judged, never in a stretch no one has looked at.
     */
    static final int MIN_LOCAL = 5;
    static final double LOCAL_BAND = 0.05;
    /** rejectSpam stays at least this far above holdSpam, so that some reviews are still held for a human. */
    static final double GAP = 0.05;

    /** holdSpam moves at most this far from the configured value, in either direction. */
    static final double HOLD_MAX_MOVE = 0.10;
    static final double HOLD_FLOOR = 0.30;
    /** holdSpam rises over a band of held reviews moderators published at least this share (in per cent) of. */
    static final int WASTED_PERCENT = 95;
    /** holdSpam falls after this many spam reviews that scored just below it. */
    static final int MIN_SLIPPED = 10;

    /** spoiler moves at most this far from the configured value, and stays within the floor and ceiling. */
    static final double SPOILER_MAX_MOVE = 0.20;
    static final double SPOILER_FLOOR = 0.20;
    static final double SPOILER_CEILING = 0.95;
    /** Each label (spoiler, not a spoiler) needs this many decisions besides {@link #MIN_EVIDENCE} in all. */
    static final int MIN_EACH_SPOILER_LABEL = 10;

    private ThresholdRules() {
    }

    /** The thresholds a window of decisions supports: a pure function, so the same decisions give the same answer. */
    static EffectiveThresholds derive(List<ThresholdTuner.Observation> observations, EngineSettings settings) {
        Thresholds configured = settings.thresholds();
        EffectiveThresholds.Basis reject = rejectSpam(observations, configured, settings.spamClassifierWeight());
        EffectiveThresholds.Basis hold = holdSpam(observations, configured, reject.value());
        EffectiveThresholds.Basis spoiler = spoiler(observations, configured);
        // A review is a spoiler when its highest sentence reaches the review threshold; when that threshold is learned
        // lower than configured, the sentence threshold follows it down, so the sentence that made it one is hidden.
        double sentence = spoiler.value() < configured.spoiler()
                ? Math.min(configured.spoilerSentence(), spoiler.value()) : configured.spoilerSentence();
        Thresholds learned = new Thresholds(reject.value(), hold.value(), spoiler.value(), sentence);
        return new EffectiveThresholds(settings.learnThresholds() ? learned : configured, configured,
                settings.learnThresholds(), observations.size(), reject, hold, spoiler);
    }

    /**
     * The lowest grid value {@code s} below the configured {@code c} such that moderators rejected at least 98% of the
     * 30 or more decided reviews scoring in {@code [s, c)}, with at least 5 of them within 0.05 above {@code s} and one
     * below {@code s + 0.01}. Never
     * below 0.70, the classifier's weight + 0.05 (the classifier alone never rejects), or configured holdSpam + 0.05.
     */
    private static EffectiveThresholds.Basis rejectSpam(List<ThresholdTuner.Observation> observations, Thresholds configured,
            double classifierWeight) {
        double c = configured.rejectSpam();
        double floor = Math.min(c, Math.max(Math.max(REJECT_FLOOR, classifierWeight + GAP), configured.holdSpam() + GAP));
        for (int k = ceilToGrid(floor); grid(k) < c; k++) {
            double s = grid(k);
            int decided = 0;
            int rejected = 0;
            int local = 0;
            boolean judgedAtS = false;
            for (ThresholdTuner.Observation o : observations) {
                if (o.spamScore() >= s && o.spamScore() < c) {
                    decided++;
                    rejected += o.spam() ? 1 : 0;
                    local += o.spamScore() < s + LOCAL_BAND ? 1 : 0;
                    judgedAtS |= o.spamScore() < grid(k + 1);
                }
            }
            if (decided < MIN_EVIDENCE) {
                break; // higher values only have fewer decisions
            }
            if (judgedAtS && local >= MIN_LOCAL && 100 * rejected >= REJECT_PERCENT * decided) {
                return new EffectiveThresholds.Basis(s, decided, String.format(Locale.ROOT,
                        "Moderators rejected %d of the %d held reviews scoring %.2f to %.2f for spam, so the engine rejects those itself.",
                        rejected, decided, s, c));
            }
        }
        return kept(c, "No band below the configured value where moderators rejected at least 98% of 30 or more held reviews.");
    }

    /**
     * Spam that slipped through: when moderators rejected at least 10 reviews scoring in the 0.1 below the configured
     * {@code h}, it falls to their median score (at least half of them would have been held). Else, wasted work: the
     * highest grid value {@code s} up to {@code h + 0.1} such that moderators published at least 95% of the 30 or more
     * reviews scoring in {@code [h, s)}. Slipped spam wins over saved work: readers come first. Kept within
     * {@code [max(0.3, h - 0.1), min(h + 0.1, rejectSpam - 0.05)]}.
     */
    private static EffectiveThresholds.Basis holdSpam(List<ThresholdTuner.Observation> observations, Thresholds configured,
            double rejectSpam) {
        double h = configured.holdSpam();
        double lowest = Math.min(h, Math.max(HOLD_FLOOR, h - HOLD_MAX_MOVE));
        double highest = Math.min(h + HOLD_MAX_MOVE, rejectSpam - GAP);

        List<Double> slipped = new ArrayList<>();
        for (ThresholdTuner.Observation o : observations) {
            if (o.spam() && o.spamScore() >= lowest && o.spamScore() < h) {
                slipped.add(o.spamScore());
            }
        }
        if (slipped.size() >= MIN_SLIPPED) {
            slipped.sort(null);
            double median = slipped.get((slipped.size() - 1) / 2);
            double s = Math.max(ceilToGrid(lowest), floorToGrid(median)) / 100.0;
            return new EffectiveThresholds.Basis(Math.min(s, h), slipped.size(), String.format(Locale.ROOT,
                    "Moderators rejected %d reviews for spam that scored %.2f to %.2f, below the hold threshold; holding from %.2f would have caught at least half.",
                    slipped.size(), lowest, h, s));
        }

        EffectiveThresholds.Basis raised = null;
        for (int k = floorToGrid(h) + 1; grid(k) <= highest + 1e-9; k++) {
            double s = grid(k);
            int decided = 0;
            int published = 0;
            for (ThresholdTuner.Observation o : observations) {
                if (o.spamScore() >= h && o.spamScore() < s) {
                    decided++;
                    published += o.spam() ? 0 : 1;
                }
            }
            if (decided >= MIN_EVIDENCE && 100 * published >= WASTED_PERCENT * decided) {
                raised = new EffectiveThresholds.Basis(s, decided, String.format(Locale.ROOT,
                        "Moderators published %d of the %d held reviews scoring %.2f to %.2f, so those publish without waiting.",
                        published, decided, h, s));
            }
        }
        if (raised != null) {
            return raised;
        }
        return kept(Math.min(h, rejectSpam),
                "Neither 10 spam reviews just below it nor 30 held reviews just above it that moderators nearly all published.");
    }

    /**
     * The grid value within 0.2 of the configured one (and within [0.2, 0.95]) that maximises F2 over reviews
     * moderators published with and without a spoiler warning: recall counts four times as much as precision, because
     * a spoiler in plain sight hurts readers more than a warning over a review that needed none. Needs 30 such
     * decisions with at least 10 of each kind; ties go to the value nearest the configured one.
     */
    private static EffectiveThresholds.Basis spoiler(List<ThresholdTuner.Observation> observations, Thresholds configured) {
        double c = configured.spoiler();
        List<ThresholdTuner.Observation> labelled = observations.stream().filter(ThresholdTuner.Observation::spoilerLabelled)
                .toList();
        long spoilers = labelled.stream().filter(ThresholdTuner.Observation::spoiler).count();
        long plain = labelled.size() - spoilers;
        if (labelled.size() < MIN_EVIDENCE || spoilers < MIN_EACH_SPOILER_LABEL || plain < MIN_EACH_SPOILER_LABEL) {
            return kept(c, "Fewer than 30 published reviews with at least 10 spoilers and 10 without.");
        }
        double lowest = Math.min(c, Math.max(SPOILER_FLOOR, c - SPOILER_MAX_MOVE));
        double highest = Math.max(c, Math.min(SPOILER_CEILING, c + SPOILER_MAX_MOVE));
        double best = c;
        double bestF2 = f2(labelled, c);
        for (int k = ceilToGrid(lowest); grid(k) <= highest + 1e-9; k++) {
            double t = grid(k);
            double f2 = f2(labelled, t);
            if (f2 > bestF2 + 1e-12 || (Math.abs(f2 - bestF2) <= 1e-12 && Math.abs(t - c) < Math.abs(best - c) - 1e-12)) {
                best = t;
                bestF2 = f2;
            }
        }
        if (bestF2 == 0) {
            return kept(c, "No threshold catches any of the spoilers moderators marked.");
        }
        int caught = 0;
        int needless = 0;
        for (ThresholdTuner.Observation o : labelled) {
            if (o.spoilerScore() >= best) {
                caught += o.spoiler() ? 1 : 0;
                needless += o.spoiler() ? 0 : 1;
            }
        }
        return new EffectiveThresholds.Basis(best, labelled.size(), String.format(Locale.ROOT,
                "Of %d reviews moderators published, %d with a spoiler warning: from %.2f the engine warns on %d of those and on %d others (F2 %.2f, configured value %.2f).",
                labelled.size(), spoilers, best, caught, needless, bestF2, f2(labelled, c)));
    }

    private static double f2(List<ThresholdTuner.Observation> labelled, double threshold) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (ThresholdTuner.Observation o : labelled) {
            boolean warned = o.spoilerScore() >= threshold;
            if (warned && o.spoiler()) {
                tp++;
            } else if (warned) {
                fp++;
            } else if (o.spoiler()) {
                fn++;
            }
        }
        return tp == 0 ? 0 : 5.0 * tp / (5.0 * tp + 4.0 * fn + fp);
    }

    private static EffectiveThresholds.Basis kept(double configured, String why) {
        return new EffectiveThresholds.Basis(configured, 0,
                "Configured value kept: " + Character.toLowerCase(why.charAt(0)) + why.substring(1));
    }

    // Thresholds move on a grid of hundredths: values people can read, and no flicker from tiny score changes.
    private static double grid(int k) {
        return k / 100.0;
    }

    /** The lowest hundredth not below the value: a bound there is never crossed. */
    private static int ceilToGrid(double value) {
        int k = (int) Math.ceil(value * 100 - 1e-9);
        return grid(k) < value ? k + 1 : k;
    }

    /** The highest hundredth not above the value: a threshold there never misses the review the value came from. */
    private static int floorToGrid(double value) {
        int k = (int) Math.floor(value * 100 + 1e-9);
        return grid(k) > value ? k - 1 : k;
    }
}
