package org.filmreviews.moderation.engine;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * How much each hand-written spam signal and the spam classifier are worth in one kind of traffic, learned from
 * labelled examples instead of fixed by hand.
 *
 * <p>The engine's default combination treats every finding's fixed weight as independent evidence
 * ({@code 1 - Π(1 - weight)}); those weights were chosen for film reviews, where a price or "call me" is suspicious.
 * In other traffic the same signals mean less (SMS: prices, phone numbers and text-speak are common in ordinary
 * messages). A calibration is a small logistic regression over the evidence the engine already has:
 *
 * <pre>spam score = σ(bias + classifierWeight · logit(p) + Σ weight(code) · finding weight)</pre>
 *
 * where {@code p} is the spam classifier's probability at its training balance and the sum runs over the rule
 * findings that fired. It is fitted with {@link #fit} on evidence the classifier did not train on (out-of-fold), so it
 * learns how far to trust the classifier too. Findings whose code it has no weight for (the memory's
 * {@code spam.duplicate} and {@code spam.flood}, which labelled data sets do not have, or a rule that never fired
 * in fitting) keep their fixed weight and are added as in the default combination: {@code 1 - (1 - score)(1 - weight)},
 * so a copy of another author's review is still held.
 *
 * <p>Rejecting still takes two kinds of evidence: without any rule finding (or memory finding such as a copy or a
 * flood), the score stays below the reject threshold, so the classifier alone can hold a text but never reject it.
 *
 * @param bias the intercept
 * @param classifierWeight the factor on the classifier's log-odds
 * @param findingWeights factor per finding code on that finding's fixed weight
 */
public record SpamCalibration(double bias, double classifierWeight, Map<String, Double> findingWeights) {

    /** The evidence for one text: what the rules found and what the classifier thinks. */
    public record Evidence(double classifierProbability, List<Finding> findings) {
        public Evidence {
            findings = List.copyOf(findings);
        }
    }

    public SpamCalibration {
        findingWeights = Map.copyOf(findingWeights);
    }

    /** The calibrated spam score; {@code capBelow} is the value the score must stay under without rule evidence. */
    double score(double classifierProbability, List<Finding> findings, double capBelow) {
        double z = bias + classifierWeight * logit(classifierProbability);
        boolean ruleEvidence = false;
        double uncalibratedClean = 1;
        for (Finding finding : findings) {
            if (finding.signal() != Finding.Signal.SPAM || finding.code().equals("spam.classifier")) {
                continue;
            }
            ruleEvidence = true;
            Double w = findingWeights.get(finding.code());
            if (w == null) {
                uncalibratedClean *= 1 - finding.weight();
            } else {
                z += w * finding.weight();
            }
        }
        double score = 1 - (1 - NewtonLogistic.sigmoid(z)) * uncalibratedClean;
        return ruleEvidence ? score : Math.min(score, Math.nextDown(capBelow));
    }

    /** The calibrated spam score of one piece of evidence (no cap). */
    public double score(Evidence evidence) {
        return score(evidence.classifierProbability(), evidence.findings(), Double.POSITIVE_INFINITY);
    }

    /**
     * Fits a calibration by L2-regularised logistic regression (gradient descent, deterministic).
     *
     * @param evidence evidence for texts the classifier did not train on
     * @param spam the labels, same order
     * @param l2 regularisation strength (for example 1e-3); codes seen rarely stay near zero
     */
    public static SpamCalibration fit(List<Evidence> evidence, List<Boolean> spam, double l2) {
        if (evidence.size() != spam.size() || evidence.isEmpty()) {
            throw new IllegalArgumentException("evidence and labels must be non-empty and of one size");
        }
        TreeSet<String> codeSet = new TreeSet<>();
        for (Evidence e : evidence) {
            for (Finding f : e.findings()) {
                if (f.signal() == Finding.Signal.SPAM && !f.code().equals("spam.classifier")) {
                    codeSet.add(f.code());
                }
            }
        }
        List<String> codes = new ArrayList<>(codeSet);
        int d = codes.size() + 2; // bias, classifier, codes
        int n = evidence.size();
        double[][] x = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = 1;
            x[i][1] = logit(evidence.get(i).classifierProbability());
            for (Finding f : evidence.get(i).findings()) {
                int k = codes.indexOf(f.code());
                if (k >= 0 && f.signal() == Finding.Signal.SPAM) {
                    x[i][k + 2] += f.weight();
                }
            }
            y[i] = spam.get(i) ? 1 : 0;
        }
        // Start from the classifier as it is (weight 1 on its log-odds), no findings.
        double[] start = new double[d];
        start[1] = 1;
        double[] w = NewtonLogistic.fit(x, y, l2, 0, start);
        Map<String, Double> weights = new LinkedHashMap<>();
        for (int k = 0; k < codes.size(); k++) {
            weights.put(codes.get(k), w[k + 2]);
        }
        return new SpamCalibration(w[0], w[1], weights);
    }

    void write(DataOutputStream out) throws IOException {
        out.writeDouble(bias);
        out.writeDouble(classifierWeight);
        out.writeInt(findingWeights.size());
        for (Map.Entry<String, Double> entry : new java.util.TreeMap<>(findingWeights).entrySet()) {
            out.writeUTF(entry.getKey());
            out.writeDouble(entry.getValue());
        }
    }

    static SpamCalibration read(DataInputStream in) throws IOException {
        double bias = in.readDouble();
        double classifier = in.readDouble();
        int size = in.readInt();
        Map<String, Double> weights = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            weights.put(in.readUTF(), in.readDouble());
        }
        return new SpamCalibration(bias, classifier, weights);
    }

    private static double logit(double p) {
        double q = Math.min(1 - 1e-6, Math.max(1e-6, p));
        return Math.log(q / (1 - q));
    }

}
