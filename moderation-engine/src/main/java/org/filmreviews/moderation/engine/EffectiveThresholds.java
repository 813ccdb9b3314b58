package org.filmreviews.moderation.engine;

/**
 * The thresholds the engine decides with right now, next to the configured ones and what the moderators' recent
 * decisions say about each learnable threshold. See {@link ThresholdTuner} for the rules.
 *
 * @param thresholds the thresholds in force: the learned values when {@code learning}, else the configured ones
 * @param configured {@link EngineSettings#thresholds()}: the starting point and the anchor of every bound
 * @param learning whether learned values are used ({@link EngineSettings#learnThresholds()})
 * @param decisions moderator decisions in the window the rules look at (at most {@link ThresholdTuner#WINDOW})
 * @param rejectSpam what the decisions say about {@code rejectSpam}
 * @param holdSpam what the decisions say about {@code holdSpam}
 * @param spoiler what the decisions say about the review-level {@code spoiler} threshold
 */
public record EffectiveThresholds(
        Thresholds thresholds,
        Thresholds configured,
        boolean learning,
        int decisions,
        Basis rejectSpam,
        Basis holdSpam,
        Basis spoiler) {

    /**
     * What the decisions support for one threshold.
     *
     * @param value the value the decisions support; the configured value when they are too few or do not agree
     * @param decisions how many decisions the value rests on; 0 when the configured value is kept
     * @param reason the rule's finding in plain words, fit for a moderators' dashboard
     */
    public record Basis(double value, int decisions, String reason) {

        /** Whether decisions, rather than configuration, chose the value. */
        public boolean learned() {
            return decisions > 0;
        }
    }
}
