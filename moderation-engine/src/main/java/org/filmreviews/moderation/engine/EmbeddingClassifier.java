package org.filmreviews.moderation.engine;

import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Logistic regression over sentence vectors from a {@link SentenceEncoder}. Fitted in one go by Newton's method (the
 * vectors are short, a few hundred values, so the exact solution is cheap and needs no step size to tune), then moved
 * by small gradient steps with every moderator decision, like {@link TextClassifier}.
 *
 * <p>Thread-safe: probabilities are read under a read lock, learning takes the write lock.
 */
public final class EmbeddingClassifier {

    /** One step of online learning, per unit of importance: small, since one decision should nudge, not overturn. */
    private static final double ONLINE_STEP = 0.05;
    private static final int NEWTON_ITERATIONS = 25;

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
        int k = d + 1;
        double[] w = new double[k];
        for (int iteration = 0; iteration < NEWTON_ITERATIONS; iteration++) {
            double[] gradient = new double[k];
            double[][] hessian = new double[k][k];
            for (int i = 0; i < n; i++) {
                float[] x = vectors.get(i);
                if (x.length != d) {
                    throw new IllegalArgumentException("vector " + i + " has " + x.length + " values, not " + d);
                }
                double p = sigmoid(dot(w, x));
                double residual = (p - (labels[i] ? 1 : 0)) / n;
                double curvature = p * (1 - p) / n;
                for (int a = 0; a < k; a++) {
                    double xa = a < d ? x[a] : 1;
                    gradient[a] += residual * xa;
                    double ca = curvature * xa;
                    for (int b = 0; b <= a; b++) {
                        hessian[a][b] += ca * (b < d ? x[b] : 1);
                    }
                }
            }
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < a; b++) {
                    hessian[b][a] = hessian[a][b];
                }
                if (a < d) {
                    gradient[a] += l2 * w[a];
                    hessian[a][a] += l2;
                }
            }
            hessian[d][d] += 1e-9;
            double[] step = solve(hessian, gradient);
            double size = 0;
            for (int a = 0; a < k; a++) {
                w[a] -= step[a];
                size = Math.max(size, Math.abs(step[a]));
            }
            if (size < 1e-7) {
                break;
            }
        }
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
        return sigmoid(logOdds(vector, 0));
    }

    /** One gradient step towards {@code positive} for this vector. */
    void learn(float[] vector, boolean positive, double importance) {
        lock.writeLock().lock();
        try {
            double error = sigmoid(dot(weights, vector)) - (positive ? 1 : 0);
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

    /** Gaussian elimination with partial pivoting; the matrix is small and, with the L2 term, well conditioned. */
    private static double[] solve(double[][] matrix, double[] rhs) {
        int k = rhs.length;
        double[][] a = new double[k][];
        double[] b = rhs.clone();
        for (int i = 0; i < k; i++) {
            a[i] = matrix[i].clone();
        }
        for (int col = 0; col < k; col++) {
            int pivot = col;
            for (int row = col + 1; row < k; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            double t = b[col];
            b[col] = b[pivot];
            b[pivot] = t;
            for (int row = col + 1; row < k; row++) {
                double factor = a[row][col] / a[col][col];
                if (factor != 0) {
                    for (int c = col; c < k; c++) {
                        a[row][c] -= factor * a[col][c];
                    }
                    b[row] -= factor * b[col];
                }
            }
        }
        double[] x = new double[k];
        for (int row = k - 1; row >= 0; row--) {
            double sum = b[row];
            for (int c = row + 1; c < k; c++) {
                sum -= a[row][c] * x[c];
            }
            x[row] = sum / a[row][row];
        }
        return x;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }
}
