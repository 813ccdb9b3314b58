package org.filmreviews.moderation.engine;

import java.util.ArrayDeque;
import java.util.List;

/**
 * Moves {@code rejectSpam}, {@code holdSpam} and the review-level {@code spoiler} threshold with what moderators
 * decide, within bounds set around the configured {@link Thresholds}.
 *
 * <p>It keeps the last {@link #WINDOW} decisions, each with the scores the engine gave the review just before
 * learning it, and derives every threshold again from that window after each decision. The derivation is a pure
 * function of the window and the configured values: the same decisions always give the same thresholds, a restored
 * engine gets them back from the stored window, and a value no longer backed by decisions in the window falls back
 * to the configured one.
 *
 * <p>What each threshold reads from the window and how far it may move is {@link ThresholdRules}'; the tuner
 * keeps the window and the thresholds in force.
 *
 * <p>Thread-safe: decisions are added under the tuner's lock; the thresholds in force are one volatile read.
 */
final class ThresholdTuner {

    /** One moderator decision with the scores the engine gave the review before learning it. */
    record Observation(double spamScore, double spoilerScore, Outcome decision, boolean authorFlaggedSpoiler) {

        Observation {
            if (decision == null || decision == Outcome.HOLD) {
                throw new IllegalArgumentException(
                        "a moderator decision is PUBLISH, PUBLISH_SPOILER or REJECT, not " + decision);
            }
        }

        boolean spam() {
            return decision == Outcome.REJECT;
        }

        /** Published by a moderator and not flagged by its author: a label for the spoiler threshold. */
        boolean spoilerLabelled() {
            return decision != Outcome.REJECT && !authorFlaggedSpoiler;
        }

        boolean spoiler() {
            return decision == Outcome.PUBLISH_SPOILER;
        }
    }

    /** Decisions kept: about a month of a busy site's held cases, few enough to rescan after every decision. */
    static final int WINDOW = 2_000;

    private final EngineSettings settings;
    private final ArrayDeque<Observation> window = new ArrayDeque<>();
    private volatile State state;

    /** What assess reads: one immutable pair, swapped whole. */
    private record State(EffectiveThresholds effective, EngineSettings inForce) {
    }

    ThresholdTuner(EngineSettings settings, List<Observation> restored) {
        this.settings = settings;
        int skip = Math.max(0, restored.size() - WINDOW);
        window.addAll(restored.subList(skip, restored.size()));
        this.state = stateOf(List.copyOf(window));
    }

    /** Adds a decision and derives the thresholds again. */
    synchronized void observe(Observation observation) {
        window.addLast(observation);
        if (window.size() > WINDOW) {
            window.removeFirst();
        }
        state = stateOf(List.copyOf(window));
    }

    EffectiveThresholds effective() {
        return state.effective();
    }

    /** The engine's settings with the thresholds in force. */
    EngineSettings settingsInForce() {
        return state.inForce();
    }

    synchronized List<Observation> observations() {
        return List.copyOf(window);
    }

    private State stateOf(List<Observation> observations) {
        EffectiveThresholds effective = ThresholdRules.derive(observations, settings);
        EngineSettings inForce = effective.thresholds().equals(settings.thresholds()) ? settings
                : settings.withThresholds(effective.thresholds());
        return new State(effective, inForce);
    }
}
