package org.filmreviews.bench;

import java.util.List;

/** L-BFGS for L2-regularised logistic regression over sparse rows (lab use). Last coordinate is the bias (not regularised). */
final class Lbfgs {

    private Lbfgs() {
    }

    static double[] logistic(List<SpoilerLab.Row> rows, boolean[] y, int d, double lambda, int iterations) {
        int dim = d + 1;
        int m = 10;
        double[] x = new double[dim];
        double[] g = new double[dim];
        double f = objective(rows, y, x, g, d, lambda);
        double[][] s = new double[m][];
        double[][] yy = new double[m][];
        double[] rho = new double[m];
        int stored = 0;
        int head = 0;
        for (int it = 0; it < iterations; it++) {
            // two-loop recursion
            double[] q = g.clone();
            double[] alpha = new double[m];
            for (int k = 0; k < stored; k++) {
                int i = Math.floorMod(head - 1 - k, m);
                alpha[i] = rho[i] * dot(s[i], q);
                axpy(-alpha[i], yy[i], q);
            }
            double gamma = 1;
            if (stored > 0) {
                int last = Math.floorMod(head - 1, m);
                gamma = dot(s[last], yy[last]) / dot(yy[last], yy[last]);
            } else {
                gamma = 1 / Math.max(1e-12, Math.sqrt(dot(g, g)));
            }
            for (int j = 0; j < dim; j++) {
                q[j] *= gamma;
            }
            for (int k = stored - 1; k >= 0; k--) {
                int i = Math.floorMod(head - 1 - k, m);
                double beta = rho[i] * dot(yy[i], q);
                axpy(alpha[i] - beta, s[i], q);
            }
            // q is the ascent direction; step along -q with backtracking (Armijo)
            double slope = -dot(g, q);
            if (slope >= 0) {
                for (int j = 0; j < dim; j++) {
                    q[j] = g[j];
                }
                slope = -dot(g, g);
                stored = 0;
            }
            double step = 1;
            double[] xn = new double[dim];
            double[] gn = new double[dim];
            double fn;
            int tries = 0;
            while (true) {
                for (int j = 0; j < dim; j++) {
                    xn[j] = x[j] - step * q[j];
                }
                fn = objective(rows, y, xn, gn, d, lambda);
                if (fn <= f + 1e-4 * step * slope || ++tries > 30) {
                    break;
                }
                step *= 0.5;
            }
            double[] sk = new double[dim];
            double[] yk = new double[dim];
            for (int j = 0; j < dim; j++) {
                sk[j] = xn[j] - x[j];
                yk[j] = gn[j] - g[j];
            }
            double sy = dot(sk, yk);
            if (sy > 1e-12) {
                s[head] = sk;
                yy[head] = yk;
                rho[head] = 1 / sy;
                head = (head + 1) % m;
                stored = Math.min(m, stored + 1);
            }
            double change = f - fn;
            x = xn;
            g = gn;
            f = fn;
            if (change < 1e-10 * Math.max(1, Math.abs(f))) {
                break;
            }
        }
        return x;
    }

    static double objective(List<SpoilerLab.Row> rows, boolean[] y, double[] x, double[] g, int d, double lambda) {
        java.util.Arrays.fill(g, 0);
        double loss = 0;
        int n = rows.size();
        for (int k = 0; k < n; k++) {
            SpoilerLab.Row row = rows.get(k);
            double z = x[d];
            for (int q = 0; q < row.idx().length; q++) {
                z += x[row.idx()[q]] * row.val()[q];
            }
            double label = y[k] ? 1 : 0;
            // log(1+exp(z)) - label*z, stable
            loss += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - label * z;
            double p = 1 / (1 + Math.exp(-z));
            double err = (p - label) / n;
            for (int q = 0; q < row.idx().length; q++) {
                g[row.idx()[q]] += err * row.val()[q];
            }
            g[d] += err;
        }
        loss /= n;
        double reg = 0;
        for (int j = 0; j < d; j++) {
            reg += x[j] * x[j];
            g[j] += lambda * x[j];
        }
        return loss + 0.5 * lambda * reg;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }
}
