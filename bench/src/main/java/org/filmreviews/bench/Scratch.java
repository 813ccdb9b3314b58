package org.filmreviews.bench;

import java.util.*;
import org.filmreviews.moderation.engine.TextClassifier;

public class Scratch {
    public static void main(String[] a) throws Exception {
        Datasets d = Datasets.locate();
        int bits = Integer.parseInt(a[0]); boolean cg = Boolean.parseBoolean(a[1]); int epochs = Integer.parseInt(a[2]);
        var train = d.tvTropes("train.csv"); var test = d.tvTropes("dev.csv");
        eval("tvtropes", train, test, bits, cg, epochs);
        var split = Datasets.stratifiedSplit(d.smsSpam(), 0.2, 42);
        eval("sms", split.train(), split.test(), bits, cg, epochs);
    }
    static void eval(String name, List<Datasets.Labelled> train, List<Datasets.Labelled> test, int bits, boolean cg, int epochs) {
        long t0 = System.nanoTime();
        List<TextClassifier.Example> ex = new ArrayList<>();
        for (var r : train) ex.add(new TextClassifier.Example(r.text(), r.positive()));
        TextClassifier c = TextClassifier.untrained(bits, cg).fit(ex, epochs, 7);
        boolean[] y = new boolean[test.size()]; double[] s = new double[test.size()]; boolean[] p = new boolean[test.size()];
        for (int i = 0; i < test.size(); i++) { y[i] = test.get(i).positive(); s[i] = c.probability(test.get(i).text()); p[i] = s[i] >= 0.5; }
        for (int k : new int[]{1,2,3,5,8}) for (double al : new double[]{0.0, 0.3, 0.5}) {
            double[] sm = new double[s.length];
            for (int i = 0; i < s.length; i++) { double sum=0; int cnt=0; for (int j=Math.max(0,i-k); j<=Math.min(s.length-1,i+k); j++) { if (j!=i) { sum+=s[j]; cnt++; } } sm[i] = al*s[i] + (1-al)*sum/cnt; }
            double[] bl = new double[s.length]; for (int i=0;i<s.length;i++) bl[i]=0.5*s[i]+0.5*sm[i];
            System.out.printf("   k=%d alpha=%.1f AUC=%.4f%n", k, al, Metrics.rocAuc(y, sm));
        }
        var m = Metrics.Confusion.of(y, p);
        System.out.printf("%s bits=%d cg=%s ep=%d  P=%.3f R=%.3f F1=%.3f AUC=%.4f (%.1fs)%n", name, bits, cg, epochs, m.precision(), m.recall(), m.f1(), Metrics.rocAuc(y, s), (System.nanoTime()-t0)/1e9);
    }
}
