package org.filmreviews.moderation.engine;

import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Logistic regression over sentence vectors from a {@link SentenceEncoder}. Fitted in one go by {@link NewtonLogistic}
 * (the vectors are short, a few hundred values, so the exact solution is cheap), then moved
 * by small gradient steps with every moderator decision, like {@link TextClassifier}.
 *
 * <p>Thread-safe: probabilities are read under a read lock, learning takes the write lock.
 */
public final class EmbeddingClassifier {

    /** One step of online learning, per unit of importance: small, since one decision should nudge, not overturn. */
    private static final double ONLINE_STEP = 0.05;

    private final int dimensions;
    /** Weights, then the bias in the last slot. */
    private final double[] weights;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private long examples;
    private long positives;

    private EmbeddingClassifier(int dimensions, double[] weights, long examples, long positives) {
        this.dimensions = dimensions;
        this.weights = weights;
        this.examples = examples;
        this.positives = positives;
    }

    /**
     * Fits the weights that minimise the logistic loss plus {@code l2} times half the squared weights (the bias is not
     * penalised).
     *
     * @param vectors one row per example, all of the same length
     */
    public static EmbeddingClassifier fit(List<float[]> vectors, boolean[] labels, double l2) {
        if (vectors.isEmpty() || vectors.size() != labels.length) {
            throw new IllegalArgumentException("one label per vector, and at least one vector");
        }
        int d = vectors.get(0).length;
        int n = vectors.size();
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            float[] vector = vectors.get(i);
            if (vector.length != d) {
                throw new IllegalArgumentException("vector " + i + " has " + vector.length + " values, not " + d);
            }
            // The vector, then the constant 1 of the bias: the layout of the weights.
            x[i] = new double[d + 1];
            for (int a = 0; a < d; a++) {
                x[i][a] = vector[a];
            }
            x[i][d] = 1;
            y[i] = labels[i] ? 1 : 0;
        }
        double[] w = NewtonLogistic.fit(x, y, l2, d, new double[d + 1]);
        long positives = 0;
        for (boolean label : labels) {
            positives += label ? 1 : 0;
        }
        return new EmbeddingClassifier(d, w, n, positives);
    }

    public int dimensions() {
        return dimensions;
    }

    /** Log-odds of the positive class for one vector, moved from the training balance to {@code prior} when in (0, 1). */
    double logOdds(float[] vector, double prior) {
        lock.readLock().lock();
        try {
            double z = dot(weights, vector);
            if (prior > 0 && prior < 1) {
                z += logit(prior) - logit(trainingPrior());
            }
            return z;
        } finally {
            lock.readLock().unlock();
        }
    }

    public double probability(float[] vector) {
        return NewtonLogistic.sigmoid(logOdds(vector, 0));
    }

    /** One gradient step towards {@code positive} for this vector. */
    void learn(float[] vector, boolean positive, double importance) {
        lock.writeLock().lock();
        try {
            double error = NewtonLogistic.sigmoid(dot(weights, vector)) - (positive ? 1 : 0);
            double step = ONLINE_STEP * importance * error;
            for (int a = 0; a < dimensions; a++) {
                weights[a] -= step * vector[a];
            }
            weights[dimensions] -= step;
            examples++;
            positives += positive ? 1 : 0;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private double trainingPrior() {
        return examples == 0 ? 0.5 : Math.min(0.99, Math.max(0.01, (double) positives / examples));
    }

    private static double dot(double[] w, float[] x) {
        double z = w[w.length - 1];
        for (int a = 0; a < x.length; a++) {
            z += w[a] * x[a];
        }
        return z;
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }
}
