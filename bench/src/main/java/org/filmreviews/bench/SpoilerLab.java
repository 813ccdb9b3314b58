package org.filmreviews.bench;

import java.io.IOException;
import java.io.StringReader;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Lab for the spoiler classifier: feature sets and learners compared by 5-fold contiguous cross-validation inside
 * TV Tropes {@code train.csv} only ({@code dev.csv} is never read here). Not the engine: what helped moved into it,
 * the rest is reported in bench/README.md. Exact vocabularies (no hashing), so the comparison is about features and
 * learners, not collisions.
 *
 * <p>Run: {@code java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.filmreviews.bench.SpoilerLab EXPERIMENT}
 * with EXPERIMENT one of {@code base} (words, NB weights, character n-grams), {@code lbfgs} (exact L2 logistic
 * regression), {@code ada} and {@code avg} (AdaGrad step, epochs, weight averaging), {@code feat} (n-gram orders,
 * characters; {@code -Dtok=nameadd|namereplace} for capitalised words as a name class, {@code -Dtok=stem|stemadd}
 * for Snowball stems, {@code -Dtok=pron} for pronoun density), {@code len} (length
 * buckets), {@code block} ({@code -Dblock=true}: words and characters normalised as separate blocks), {@code ens}
 * (word and character models averaged), {@code context} and {@code combine} (how neighbouring rows are blended),
 * {@code ctxwords} (neighbours' words as features), {@code stack} (learned context weights),
 * {@code top} (the most telling words).
 *
 * <p>Features are built from Lucene word tokens only: the TV Tropes rows keep white-space artefacts of the removed
 * spoiler markup (a space before the final full stop: 82% spoilers; three spaces in a row: 88%, against 53% overall),
 * which a real review does not have, so nothing here (nor in the engine) reads white space or punctuation spacing.
 */
public final class SpoilerLab {

    record Config(String name, int wordN, boolean chars, int charMin, int charMax, boolean nb, double nbAlpha,
            boolean l2norm, double lr, double l2, int epochs, boolean names, double beta) {
    }

    record Row(int[] idx, float[] val) {
    }

    public static void main(String[] args) throws IOException {
        Datasets datasets = Datasets.locate();
        List<Datasets.Labelled> train = datasets.tvTropes("train.csv");
        String tok = System.getProperty("tok", "plain");
        List<String[]> tokens = new ArrayList<>();
        for (Datasets.Labelled row : train) {
            tokens.add(tokens(row.text(), tok));
        }
        boolean[] y = new boolean[train.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = train.get(i).positive();
        }
        List<Config> configs = new ArrayList<>();
        String which = args.length > 0 ? args[0] : "base";
        switch (which) {
            case "base" -> {
                configs.add(new Config("w1-2 bin l2n adagrad", 2, false, 0, 0, false, 1, true, 0.3, 1e-6, 5, false, 0));
                configs.add(new Config("w1-2 nb l2n", 2, false, 0, 0, true, 1, true, 0.3, 1e-6, 5, false, 0));
                configs.add(new Config("w1-3 nb l2n", 3, false, 0, 0, true, 1, true, 0.3, 1e-6, 5, false, 0));
                configs.add(new Config("w1 nb l2n", 1, false, 0, 0, true, 1, true, 0.3, 1e-6, 5, false, 0));
                configs.add(new Config("c3-5 bin l2n", 0, true, 3, 5, false, 1, true, 0.3, 1e-6, 5, false, 0));
                configs.add(new Config("c3-5 nb l2n", 0, true, 3, 5, true, 1, true, 0.3, 1e-6, 5, false, 0));
                configs.add(new Config("w1-2+c3-5 nb l2n", 2, true, 3, 5, true, 1, true, 0.3, 1e-6, 5, false, 0));
            }
            case "lbfgs" -> {
                for (double lam : new double[]{1e-3, 3e-4, 1e-4, 3e-5}) {
                    configs.add(new Config("w1-2 bin l2n lbfgs lam=" + lam, 2, false, 0, 0, false, 1, true, 0, lam, -200, false,
                            0));
                    configs.add(
                            new Config("w1-2 nb l2n lbfgs lam=" + lam, 2, false, 0, 0, true, 1, true, 0, lam, -200, false, 0));
                }
            }
            case "ada" -> {
                for (double lr : new double[]{0.05, 0.1}) {
                    for (int ep : new int[]{1, 3, 10}) {
                        configs.add(new Config("w1-2 bin l2n ada lr=" + lr + " ep=" + ep, 2, false, 0, 0, false, 1, true, lr,
                                1e-6, ep, false, 0));
                    }
                }
            }
            case "feat" -> {
                configs.add(new Config("w1-2", 2, false, 0, 0, false, 1, true, 0.1, 1e-6, 5, false, 0));
                configs.add(new Config("w1-3", 3, false, 0, 0, false, 1, true, 0.1, 1e-6, 5, false, 0));
                configs.add(new Config("w1", 1, false, 0, 0, false, 1, true, 0.1, 1e-6, 5, false, 0));
                configs.add(new Config("w1-2 nb", 2, false, 0, 0, true, 1, true, 0.1, 1e-6, 5, false, 0));
                configs.add(new Config("w1-2+c3-5", 2, true, 3, 5, false, 1, true, 0.1, 1e-6, 5, false, 0));
                configs.add(new Config("w1-2+c2-4", 2, true, 2, 4, false, 1, true, 0.1, 1e-6, 5, false, 0));
            }
            case "len" -> {
                configs.add(new Config("w1-2 +len", 2, false, 0, 0, false, 1, true, 0.1, 1e-6, 5, true, 0));
                configs.add(new Config("w1-2 nb +len", 2, false, 0, 0, true, 1, true, 0.1, 1e-6, 5, true, 0));
            }
            case "context" -> {
                Config c = new Config("w1-2 nb", 2, false, 0, 0, true, 1, true, 0.1, 1e-6, 5, false, 0);
                double[] oof = crossValidate(tokens, y, c);
                System.out.printf(Locale.ROOT, "own pooled %.4f mean fold %.4f%n", Metrics.rocAuc(y, oof), meanFoldAuc(y, oof));
                for (int radius : new int[]{1, 2, 3, 5, 8}) {
                    for (double a : new double[]{0.2, 0.3, 0.4, 0.5, 0.7}) {
                        double[] slide = new double[y.length];
                        double[] chunk = new double[y.length];
                        for (int i = 0; i < y.length; i++) {
                            slide[i] = blend(oof, i, Math.max(0, i - radius), Math.min(y.length - 1, i + radius), a);
                            int size = 2 * radius + 1;
                            int start = (i / size) * size;
                            chunk[i] = blend(oof, i, start, Math.min(y.length - 1, start + size - 1), a);
                        }
                        System.out.printf(Locale.ROOT, "radius %d own share %.1f: sliding %.4f  chunks of %d %.4f%n", radius, a,
                                meanFoldAuc(y, slide), 2 * radius + 1, meanFoldAuc(y, chunk));
                    }
                }
                return;
            }
            case "ens" -> {
                Config w = new Config("w1-2 nb", 2, false, 0, 0, true, 1, true, 0.1, 1e-6, 5, false, 0);
                Config w3 = new Config("w1-3 nb a.5", 3, false, 0, 0, true, 0.5, true, 0.1, 1e-6, 5, false, 0);
                Config c = new Config("c3-5", 0, true, 3, 5, false, 1, true, 0.1, 1e-6, 5, false, 0);
                Config c2 = new Config("c2-5 nb", 0, true, 2, 5, true, 1, true, 0.05, 1e-6, 5, false, 0);
                Config w1 = new Config("w1 ada", 1, false, 0, 0, false, 1, true, 0.1, 1e-6, 3, false, 0);
                List<double[]> all = new ArrayList<>();
                for (Config k : List.of(w, w3, c, c2, w1)) {
                    double[] o = crossValidate(tokens, y, k);
                    all.add(o);
                    System.out.printf(Locale.ROOT, "%-20s %.4f%n", k.name(), meanFoldAuc(y, o));
                }
                int[][] combos = {{0, 2}, {0, 3}, {0, 1}, {0, 1, 2}, {0, 2, 4}, {0, 1, 2, 3, 4}};
                for (int[] combo : combos) {
                    double[] e = new double[y.length];
                    for (int k : combo) {
                        double[] o = all.get(k);
                        double sd = sd(o);
                        for (int i = 0; i < y.length; i++) {
                            e[i] += o[i] / sd;
                        }
                    }
                    System.out.printf(Locale.ROOT, "ensemble %s %.4f%n", Arrays.toString(combo), meanFoldAuc(y, e));
                }
                return;
            }
            case "combine" -> {
                Config c = new Config("w1-2 nb", 2, false, 0, 0, false, 1, true, 0.1, 1e-6, 5, false, 0);
                double[] oof = crossValidate(tokens, y, c);
                double[] p = new double[y.length];
                for (int i = 0; i < y.length; i++) {
                    p[i] = 1 / (1 + Math.exp(-oof[i]));
                }
                System.out.printf(Locale.ROOT, "own %.4f%n", meanFoldAuc(y, oof));
                int radius = 3;
                for (double a : new double[]{0.3, 0.5, 0.7, 0.9, 1.0}) {
                    double[] noisy = new double[y.length];
                    double[] probBlend = new double[y.length];
                    double[] maxBlend = new double[y.length];
                    double[] logitBlend = new double[y.length];
                    double[] distBlend = new double[y.length];
                    for (int i = 0; i < y.length; i++) {
                        int from = Math.max(0, i - radius), to = Math.min(y.length - 1, i + radius);
                        double ctx = blend(p, i, from, to, 0);
                        noisy[i] = 1 - (1 - p[i]) * (1 - a * ctx);
                        probBlend[i] = (1 - a / 2) * p[i] + a / 2 * ctx;
                        maxBlend[i] = Math.max(p[i], probBlend[i]);
                        logitBlend[i] = blend(oof, i, from, to, 1 - a / 2);
                        double sw = 0, sz = 0;
                        for (int j = from; j <= to; j++) {
                            if (j != i) {
                                double wgt = 1.0 / Math.abs(j - i);
                                sw += wgt;
                                sz += wgt * oof[j];
                            }
                        }
                        distBlend[i] = (1 - a / 2) * oof[i] + a / 2 * sz / sw;
                    }
                    System.out.printf(Locale.ROOT,
                            "a=%.1f noisyOR %.4f probBlend(own %.2f) %.4f max(own,blend) %.4f logitBlend %.4f distLogit %.4f%n",
                            a,
                            meanFoldAuc(y, noisy), 1 - a / 2, meanFoldAuc(y, probBlend), meanFoldAuc(y, maxBlend),
                            meanFoldAuc(y, logitBlend),
                            meanFoldAuc(y, distBlend));
                }
                return;
            }
            case "avg" -> {
                for (double lr : new double[]{0.05, 0.1, 0.3}) {
                    for (int ep : new int[]{5, 10, 20}) {
                        configs.add(new Config("w1-2 lr=" + lr + " ep=" + ep + " avg all", 2, false, 0, 0, false, 1, true, lr,
                                1e-6, ep, false, 1.0));
                    }
                }
                configs.add(
                        new Config("w1-2 lr=0.1 ep=10 avg half", 2, false, 0, 0, false, 1, true, 0.1, 1e-6, 10, false, 0.5));
                configs.add(
                        new Config("w1-2 lr=0.1 ep=10 l2=1e-5 avg", 2, false, 0, 0, false, 1, true, 0.1, 1e-5, 10, false, 1.0));
                configs.add(
                        new Config("w1-2 lr=0.1 ep=10 l2=1e-4 avg", 2, false, 0, 0, false, 1, true, 0.1, 1e-4, 10, false, 1.0));
            }
            case "block" -> {
                configs.add(new Config("w1-2+c3-5", 2, true, 3, 5, false, 1, true, 0.1, 1e-6, 5, false, 0));
                configs.add(new Config("w1-2+c2-5", 2, true, 2, 5, false, 1, true, 0.1, 1e-6, 5, false, 0));
                configs.add(new Config("w1-2+c4", 2, true, 4, 4, false, 1, true, 0.1, 1e-6, 5, false, 0));
                configs.add(new Config("w1-2+c3-5 lr.05", 2, true, 3, 5, false, 1, true, 0.05, 1e-6, 5, false, 0));
                configs.add(new Config("w1-2+c3-5 nb", 2, true, 3, 5, true, 1, true, 0.1, 1e-6, 5, false, 0));
            }
            case "ctxwords" -> {
                int radius = Integer.getInteger("radius", 3);
                double ctxScale = Double.parseDouble(System.getProperty("ctxScale", "0.5"));
                // tokens with context words: own words, then "|" marker, then neighbours' words prefixed
                List<String[]> withCtx = new ArrayList<>();
                for (int i = 0; i < tokens.size(); i++) {
                    List<String> t = new ArrayList<>(Arrays.asList(tokens.get(i)));
                    for (int j = Math.max(0, i - radius); j <= Math.min(tokens.size() - 1, i + radius); j++) {
                        if (j != i) {
                            for (String w : tokens.get(j)) {
                                t.add("\u0001" + w);
                            }
                        }
                    }
                    withCtx.add(t.toArray(String[]::new));
                }
                CTX_SCALE = ctxScale;
                Config c = new Config("w1-2 own + ctx words r=" + radius + " scale " + ctxScale, 2, false, 0, 0, false, 1, true,
                        0.1, 1e-6, 5, false, 0);
                double[] oof = crossValidate(withCtx, y, c);
                System.out.printf(Locale.ROOT, "%s: mean fold AUC %.4f%n", c.name(), meanFoldAuc(y, oof));
                for (double a : new double[]{0.5, 0.7, 1.0}) {
                    double[] b = new double[y.length];
                    for (int i = 0; i < y.length; i++) {
                        b[i] = blend(oof, i, Math.max(0, i - radius), Math.min(y.length - 1, i + radius), 1 - a / 2);
                    }
                    System.out.printf(Locale.ROOT, "   + score blend a=%.1f: %.4f%n", a, meanFoldAuc(y, b));
                }
                return;
            }
            case "top" -> {
                Config c = new Config("w1-2", 2, false, 0, 0, false, 1, true, 0.1, 1e-6, 5, false, 0);
                List<Integer> all = new ArrayList<>();
                for (int i = 0; i < y.length; i++) {
                    all.add(i);
                }
                Model m = Model.train(tokens, y, all, c);
                List<Map.Entry<String, Integer>> entries = new ArrayList<>(m.vocab.entrySet());
                entries.sort((a, b) -> Double.compare(m.w[b.getValue()], m.w[a.getValue()]));
                StringBuilder top = new StringBuilder("spoiler: ");
                for (int k = 0; k < 60; k++) {
                    top.append(entries.get(k).getKey().substring(3).trim()).append(" | ");
                }
                StringBuilder bottom = new StringBuilder("clean: ");
                for (int k = 0; k < 60; k++) {
                    bottom.append(entries.get(entries.size() - 1 - k).getKey().substring(3).trim()).append(" | ");
                }
                System.out.println(top);
                System.out.println(bottom);
                return;
            }
            case "stack" -> {
                Config c = new Config("w1-2", 2, false, 0, 0, false, 1, true, 0.1, 1e-6, 5, false, 0);
                double[] oof = crossValidate(tokens, y, c);
                int radius = 3;
                int n = y.length;
                // second-stage features: own, mean at distance 1, 2, 3, max of neighbours
                List<SpoilerLab.Row> rows = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    double[] f = new double[5];
                    f[0] = oof[i];
                    double mx = -1e9;
                    for (int d = 1; d <= radius; d++) {
                        double sum = 0;
                        int cnt = 0;
                        for (int j : new int[]{i - d, i + d}) {
                            if (j >= 0 && j < n) {
                                sum += oof[j];
                                cnt++;
                                mx = Math.max(mx, oof[j]);
                            }
                        }
                        f[d] = cnt == 0 ? 0 : sum / cnt;
                    }
                    f[4] = mx;
                    rows.add(new SpoilerLab.Row(new int[]{0, 1, 2, 3, 4},
                            new float[]{(float) f[0], (float) f[1], (float) f[2], (float) f[3], (float) f[4]}));
                }
                double[] stacked = new double[n];
                for (int f = 0; f < 5; f++) {
                    int from = (int) ((long) f * n / 5), to = (int) ((long) (f + 1) * n / 5);
                    List<SpoilerLab.Row> fitRows = new ArrayList<>();
                    List<Boolean> lab = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        if (i < from || i >= to) {
                            fitRows.add(rows.get(i));
                            lab.add(y[i]);
                        }
                    }
                    boolean[] yy = new boolean[lab.size()];
                    for (int k = 0; k < yy.length; k++)
                        yy[k] = lab.get(k);
                    double[] w = Lbfgs.logistic(fitRows, yy, 5, 1e-4, 200);
                    if (f == 0)
                        System.out.println("stack weights " + Arrays.toString(w));
                    for (int i = from; i < to; i++) {
                        double z = w[5];
                        for (int q = 0; q < 5; q++)
                            z += w[q] * rows.get(i).val()[q];
                        stacked[i] = z;
                    }
                }
                double[] simple = new double[n];
                for (int i = 0; i < n; i++)
                    simple[i] = blend(oof, i, Math.max(0, i - radius), Math.min(n - 1, i + radius), 0.5);
                System.out.printf(Locale.ROOT, "own %.4f  simple blend %.4f  stacked %.4f%n", meanFoldAuc(y, oof),
                        meanFoldAuc(y, simple), meanFoldAuc(y, stacked));
                return;
            }
            default -> throw new IllegalArgumentException(which);
        }
        for (Config config : configs) {
            long start = System.nanoTime();
            double[] scores = crossValidate(tokens, y, config);
            System.out.printf(Locale.ROOT, "%-40s pooled AUC %.4f  mean fold AUC %.4f  (%.1f s)%n", config.name(),
                    Metrics.rocAuc(y, scores), meanFoldAuc(y, scores), (System.nanoTime() - start) / 1e9);
        }
    }

    static final boolean BLOCK = Boolean.getBoolean("block");

    static double blend(double[] z, int i, int from, int to, double own) {
        double sum = 0;
        int count = 0;
        for (int j = from; j <= to; j++) {
            if (j != i) {
                sum += z[j];
                count++;
            }
        }
        return count == 0 ? z[i] : own * z[i] + (1 - own) * sum / count;
    }

    static double sd(double[] x) {
        double m = 0, v = 0;
        for (double a : x)
            m += a;
        m /= x.length;
        for (double a : x)
            v += (a - m) * (a - m);
        return Math.sqrt(v / x.length);
    }

    static double meanFoldAuc(boolean[] y, double[] scores) {
        double sum = 0;
        for (int f = 0; f < 5; f++) {
            int from = (int) ((long) f * y.length / 5);
            int to = (int) ((long) (f + 1) * y.length / 5);
            sum += Metrics.rocAuc(Arrays.copyOfRange(y, from, to), Arrays.copyOfRange(scores, from, to));
        }
        return sum / 5;
    }

    static double[] crossValidate(List<String[]> tokens, boolean[] y, Config config) {
        double[] scores = new double[y.length];
        for (int f = 0; f < 5; f++) {
            int from = (int) ((long) f * y.length / 5);
            int to = (int) ((long) (f + 1) * y.length / 5);
            List<Integer> fit = new ArrayList<>();
            for (int i = 0; i < y.length; i++) {
                if (i < from || i >= to) {
                    fit.add(i);
                }
            }
            Model model = Model.train(tokens, y, fit, config);
            for (int i = from; i < to; i++) {
                scores[i] = model.score(tokens.get(i));
            }
        }
        return scores;
    }

    static final class Model {
        final Config config;
        final Map<String, Integer> vocab = new HashMap<>();
        float[] r;
        double[] w;
        double b;

        Model(Config config) {
            this.config = config;
        }

        static Model train(List<String[]> tokens, boolean[] y, List<Integer> fit, Config config) {
            Model m = new Model(config);
            List<List<String>> feats = new ArrayList<>();
            for (int i : fit) {
                List<String> fs = features(tokens.get(i), config);
                feats.add(fs);
                for (String s : fs) {
                    m.vocab.putIfAbsent(s, m.vocab.size());
                }
            }
            int d = m.vocab.size();
            m.charIdx = new java.util.BitSet(d);
            m.vocab.forEach((k, v) -> {
                if (k.startsWith("c:"))
                    m.charIdx.set(v);
            });
            m.ctxIdx = new java.util.BitSet(d);
            m.vocab.forEach((k, v) -> {
                if (k.startsWith("x:"))
                    m.ctxIdx.set(v);
            });
            double[] pc = new double[d];
            double[] nc = new double[d];
            int np = 0;
            int nn = 0;
            List<int[]> rows = new ArrayList<>();
            for (int k = 0; k < fit.size(); k++) {
                int[] idx = feats.get(k).stream().mapToInt(m.vocab::get).distinct().toArray();
                rows.add(idx);
                boolean pos = y[fit.get(k)];
                if (pos) {
                    np++;
                } else {
                    nn++;
                }
                for (int j : idx) {
                    if (pos) {
                        pc[j]++;
                    } else {
                        nc[j]++;
                    }
                }
            }
            m.r = new float[d];
            if (config.nb()) {
                double ps = 0, ns = 0;
                for (int j = 0; j < d; j++) {
                    ps += pc[j] + config.nbAlpha();
                    ns += nc[j] + config.nbAlpha();
                }
                for (int j = 0; j < d; j++) {
                    m.r[j] = (float) Math.log(((pc[j] + config.nbAlpha()) / ps) / ((nc[j] + config.nbAlpha()) / ns));
                }
            } else {
                Arrays.fill(m.r, 1f);
            }
            m.w = new double[d];
            if (config.epochs() < 0) {
                List<Row> built = new ArrayList<>();
                for (int[] idx : rows) {
                    built.add(m.row(idx));
                }
                boolean[] labels = new boolean[fit.size()];
                for (int k = 0; k < labels.length; k++) {
                    labels[k] = y[fit.get(k)];
                }
                double[] wb = Lbfgs.logistic(built, labels, d, config.l2(), -config.epochs());
                System.arraycopy(wb, 0, m.w, 0, d);
                m.b = wb[d];
                return m;
            }
            double[] g2 = new double[d];
            double bg2 = 0;
            Random random = new Random(1);
            int[] order = new int[fit.size()];
            for (int k = 0; k < order.length; k++) {
                order[k] = k;
            }
            double[] avg = new double[d];
            double avgB = 0;
            int averaged = 0;
            for (int e = 0; e < config.epochs(); e++) {
                for (int k = order.length - 1; k > 0; k--) {
                    int j = random.nextInt(k + 1);
                    int t = order[k];
                    order[k] = order[j];
                    order[j] = t;
                }
                for (int k : order) {
                    Row row = m.row(rows.get(k));
                    double z = m.b;
                    for (int q = 0; q < row.idx.length; q++) {
                        z += m.w[row.idx[q]] * row.val[q];
                    }
                    double err = 1 / (1 + Math.exp(-z)) - (y[fit.get(k)] ? 1 : 0);
                    for (int q = 0; q < row.idx.length; q++) {
                        int j = row.idx[q];
                        double g = err * row.val[q] + config.l2() * m.w[j];
                        g2[j] += g * g;
                        m.w[j] -= config.lr() * g / Math.sqrt(g2[j] + 1e-8);
                    }
                    bg2 += err * err;
                    m.b -= config.lr() * err / Math.sqrt(bg2 + 1e-8);
                }
                if (config.beta() > 0 && e >= (int) (config.epochs() * (1 - config.beta()))) {
                    for (int j = 0; j < d; j++) {
                        avg[j] += m.w[j];
                    }
                    avgB += m.b;
                    averaged++;
                }
            }
            if (averaged > 0) {
                for (int j = 0; j < d; j++) {
                    m.w[j] = avg[j] / averaged;
                }
                m.b = avgB / averaged;
            }
            return m;
        }

        java.util.BitSet charIdx;
        java.util.BitSet ctxIdx;

        Row row(int[] idx) {
            float[] val = new float[idx.length];
            double norm = 0;
            for (int q = 0; q < idx.length; q++) {
                val[q] = r[idx[q]];
                norm += val[q] * val[q];
            }
            if (ctxIdx != null && !ctxIdx.isEmpty()) {
                double nw = 0, nc = 0;
                for (int q = 0; q < idx.length; q++) {
                    if (ctxIdx.get(idx[q]))
                        nc += val[q] * val[q];
                    else
                        nw += val[q] * val[q];
                }
                for (int q = 0; q < idx.length; q++) {
                    boolean c = ctxIdx.get(idx[q]);
                    double nn = c ? nc : nw;
                    if (nn > 0)
                        val[q] *= (float) ((c ? CTX_SCALE : 1) / Math.sqrt(nn));
                }
                return new Row(idx, val);
            }
            if (BLOCK && charIdx != null) {
                double nw = 0, nc = 0;
                for (int q = 0; q < idx.length; q++) {
                    if (charIdx.get(idx[q]))
                        nc += val[q] * val[q];
                    else
                        nw += val[q] * val[q];
                }
                for (int q = 0; q < idx.length; q++) {
                    double nn = charIdx.get(idx[q]) ? nc : nw;
                    val[q] *= (float) (1 / Math.sqrt(nn));
                }
                return new Row(idx, val);
            }
            if (config.l2norm() && norm > 0) {
                float s = (float) (1 / Math.sqrt(norm));
                for (int q = 0; q < idx.length; q++) {
                    val[q] *= s;
                }
            }
            return new Row(idx, val);
        }

        double score(String[] tokens) {
            int[] idx = features(tokens, config).stream().filter(vocab::containsKey).mapToInt(vocab::get).distinct().toArray();
            Row row = row(idx);
            double z = b;
            for (int q = 0; q < row.idx.length; q++) {
                z += w[row.idx[q]] * row.val[q];
            }
            return z;
        }
    }

    static double CTX_SCALE = 1;

    static List<String> features(String[] all, Config config) {
        List<String> out = new ArrayList<>();
        int own = 0;
        while (own < all.length && !all[own].startsWith("\u0001")) {
            own++;
        }
        String[] words = own == all.length ? all : Arrays.copyOf(all, own);
        for (int k = own; k < all.length; k++) {
            out.add("x:" + all[k].substring(1));
        }
        for (int n = 1; n <= config.wordN(); n++) {
            for (int i = 0; i + n <= words.length; i++) {
                StringBuilder s = new StringBuilder("w").append(n).append(':');
                for (int k = i; k < i + n; k++) {
                    s.append(words[k]).append(' ');
                }
                out.add(s.toString());
            }
        }
        if (System.getProperty("tok", "").contains("pron")) {
            int pron = 0;
            for (String w : words) {
                if (w.equals("he") || w.equals("she") || w.equals("him") || w.equals("her") || w.equals("his")
                        || w.equals("they") || w.equals("them")) {
                    pron++;
                }
            }
            int bucket = words.length == 0 ? 0 : (int) Math.min(4, 10.0 * pron / words.length);
            out.add("pron:" + bucket);
        }
        if (config.names()) {
            int b = 32 - Integer.numberOfLeadingZeros(words.length);
            out.add("len:" + b);
            out.add("len:" + b);
        }
        if (config.chars()) {
            for (String word : words) {
                String padded = "<" + word + ">";
                for (int n = config.charMin(); n <= config.charMax(); n++) {
                    for (int i = 0; i + n <= padded.length(); i++) {
                        out.add("c:" + padded.substring(i, i + n));
                    }
                }
            }
        }
        return out;
    }

    static String[] tokens(String text, String mode) {
        String[] cased = tokens0(Normalizer.normalize(text, Normalizer.Form.NFKC));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < cased.length; i++) {
            String w = cased[i];
            String lower = w.toLowerCase(Locale.ROOT);
            boolean cap = Character.isUpperCase(w.charAt(0)) && i > 0 && !lower.equals("i");
            if (mode.contains("stem")) {
                org.tartarus.snowball.ext.EnglishStemmer stemmer = new org.tartarus.snowball.ext.EnglishStemmer();
                stemmer.setCurrent(lower);
                stemmer.stem();
                String stem = stemmer.getCurrent();
                if (mode.contains("stemadd") && !stem.equals(lower)) {
                    out.add(lower);
                }
                lower = stem;
            }
            if (mode.contains("digits")) {
                lower = lower.replaceAll("[0-9]", "0");
            }
            if (mode.contains("namereplace") && cap) {
                out.add("_name_");
            } else if (mode.contains("nameadd") && cap) {
                out.add(lower);
                out.add("_name_");
            } else {
                out.add(lower);
            }
        }
        return out.toArray(String[]::new);
    }

    static String[] tokens0(String normalised) {
        List<String> words = new ArrayList<>();
        try (StandardTokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = new ASCIIFoldingFilter(tokenizer)) {
            tokenizer.setReader(new StringReader(normalised));
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return words.toArray(String[]::new);
    }

    private SpoilerLab() {
    }
}
