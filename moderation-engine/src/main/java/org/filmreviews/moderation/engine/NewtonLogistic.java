package org.filmreviews.moderation.engine;

/**
 * Logistic regression with an L2 penalty, fitted by Newton's method. Meant for models with few parameters (a dozen
 * for {@link SpamCalibration}, a few hundred for {@link EmbeddingClassifier}): the Hessian stays small, and Newton
 * needs no step size to tune and converges in a handful of iterations.
 */
final class NewtonLogistic {

    private static final int MAX_ITERATIONS = 50;
    private static final double TOLERANCE = 1e-8;

    private NewtonLogistic() {
    }

    /**
     * The weights that minimise the mean logistic loss plus {@code l2} times half the squared weights.
     *
     * @param x one row per example; column {@code intercept} is the constant 1 and is not penalised
     * @param y the labels, 1 or 0
     * @param start the weights to start from (not modified)
     */
    static double[] fit(double[][] x, double[] y, double l2, int intercept, double[] start) {
        int n = x.length;
        int d = start.length;
        double[] w = start.clone();
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] g = new double[d];
            double[][] h = new double[d][d];
            for (int i = 0; i < n; i++) {
                double[] row = x[i];
                double z = 0;
                for (int j = 0; j < d; j++) {
                    z += w[j] * row[j];
                }
                double p = sigmoid(z);
                double residual = (p - y[i]) / n;
                double curvature = Math.max(1e-9, p * (1 - p)) / n;
                for (int j = 0; j < d; j++) {
                    g[j] += residual * row[j];
                    double cj = curvature * row[j];
                    // The Hessian is symmetric: fill one triangle, mirror it below.
                    for (int k = 0; k <= j; k++) {
                        h[j][k] += cj * row[k];
                    }
                }
            }
            for (int j = 0; j < d; j++) {
                for (int k = 0; k < j; k++) {
                    h[k][j] = h[j][k];
                }
                if (j != intercept) {
                    g[j] += l2 * w[j];
                    h[j][j] += l2;
                }
            }
            h[intercept][intercept] += 1e-9;
            double[] step = solve(h, g);
            double change = 0;
            for (int j = 0; j < d; j++) {
                w[j] -= step[j];
                change = Math.max(change, Math.abs(step[j]));
            }
            if (change < TOLERANCE) {
                break;
            }
        }
        return w;
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** Gauss-Jordan elimination with partial pivoting; a pivot that vanishes leaves its unknown at 0. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = m[col];
            m[col] = m[pivot];
            m[pivot] = t;
            double p = m[col][col];
            if (Math.abs(p) < 1e-12) {
                continue;
            }
            for (int r = 0; r < n; r++) {
                if (r != col) {
                    double f = m[r][col] / p;
                    if (f != 0) {
                        for (int c = col; c <= n; c++) {
                            m[r][c] -= f * m[col][c];
                        }
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.abs(m[i][i]) < 1e-12 ? 0 : m[i][n] / m[i][i];
        }
        return x;
    }
}
