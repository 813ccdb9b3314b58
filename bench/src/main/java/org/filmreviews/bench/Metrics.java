package org.filmreviews.bench;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Precision, recall, F1 and ROC AUC for a binary task, written out here so the numbers in the README can be checked
 * line by line.
 */
public final class Metrics {

    private Metrics() {
    }

    /** Counts of a confusion matrix. */
    public record Confusion(long truePositives, long falsePositives, long trueNegatives, long falseNegatives) {

        public static Confusion of(boolean[] actual, boolean[] predicted) {
            if (actual.length != predicted.length) {
                throw new IllegalArgumentException("actual and predicted differ in length");
            }
            long tp = 0, fp = 0, tn = 0, fn = 0;
            for (int i = 0; i < actual.length; i++) {
                if (predicted[i]) {
                    if (actual[i])
                        tp++;
                    else
                        fp++;
                } else {
                    if (actual[i])
                        fn++;
                    else
                        tn++;
                }
            }
            return new Confusion(tp, fp, tn, fn);
        }

        /** Of the items called positive, the share that are; 0 when nothing was called positive. */
        public double precision() {
            long called = truePositives + falsePositives;
            return called == 0 ? 0 : (double) truePositives / called;
        }

        /** Of the positive items, the share that were called positive; 0 when there are none. */
        public double recall() {
            long positives = truePositives + falseNegatives;
            return positives == 0 ? 0 : (double) truePositives / positives;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        public double accuracy() {
            long all = truePositives + falsePositives + trueNegatives + falseNegatives;
            return all == 0 ? 0 : (double) (truePositives + trueNegatives) / all;
        }
    }

    /**
     * Area under the ROC curve as the Mann-Whitney rank statistic: the probability that a random positive scores
     * above a random negative, ties counting one half (tied scores share their average rank).
     */
    public static double rocAuc(boolean[] actual, double[] scores) {
        if (actual.length != scores.length) {
            throw new IllegalArgumentException("actual and scores differ in length");
        }
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double positiveRankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (actual[order[k]]) {
                    positiveRankSum += averageRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("AUC needs both classes");
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
