package org.filmreviews.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void precisionRecallAndF1FromAConfusionMatrix() {
        boolean[] actual = {true, true, true, false, false, false, false};
        boolean[] predicted = {true, true, false, true, false, false, false};
        Metrics.Confusion confusion = Metrics.Confusion.of(actual, predicted);
        assertThat(confusion).isEqualTo(new Metrics.Confusion(2, 1, 3, 1));
        assertThat(confusion.precision()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(confusion.recall()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(confusion.f1()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(confusion.accuracy()).isCloseTo(5 / 7.0, within(1e-12));
    }

    @Test
    void nothingCalledPositiveHasZeroPrecisionNotNaN() {
        Metrics.Confusion confusion = Metrics.Confusion.of(new boolean[]{true, false}, new boolean[]{false, false});
        assertThat(confusion.precision()).isZero();
        assertThat(confusion.f1()).isZero();
    }

    @Test
    void aucIsOneForAPerfectRankingAndZeroForTheReverse() {
        boolean[] actual = {false, false, true, true};
        assertThat(Metrics.rocAuc(actual, new double[]{0.1, 0.2, 0.8, 0.9})).isEqualTo(1.0);
        assertThat(Metrics.rocAuc(actual, new double[]{0.9, 0.8, 0.2, 0.1})).isEqualTo(0.0);
    }

    @Test
    void aucCountsTiesAsOneHalf() {
        boolean[] actual = {true, false};
        assertThat(Metrics.rocAuc(actual, new double[]{0.5, 0.5})).isEqualTo(0.5);
        // One positive above both negatives, one tied with a negative and above the other: (2 + 1.5) / 4.
        assertThat(Metrics.rocAuc(new boolean[]{true, true, false, false}, new double[]{0.9, 0.4, 0.4, 0.1}))
                .isEqualTo(3.5 / 4);
    }

    @Test
    void aucMatchesCountingAllPairs() {
        java.util.Random random = new java.util.Random(3);
        boolean[] actual = new boolean[200];
        double[] scores = new double[200];
        for (int i = 0; i < 200; i++) {
            actual[i] = i % 3 == 0;
            scores[i] = Math.round(random.nextDouble() * 20) / 20.0 + (actual[i] ? 0.1 : 0);
        }
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < 200; i++) {
            for (int j = 0; j < 200; j++) {
                if (actual[i] && !actual[j]) {
                    pairs++;
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }
        assertThat(Metrics.rocAuc(actual, scores)).isCloseTo(wins / pairs, within(1e-12));
    }

    @Test
    void theSplitIsStratifiedDeduplicatedAndSeeded() {
        List<Datasets.Labelled> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            rows.add(new Datasets.Labelled("text " + i, i < 20));
        }
        rows.add(new Datasets.Labelled("text 1", true));
        Datasets.Split split = Datasets.stratifiedSplit(rows, 0.2, 42);
        assertThat(split.test()).hasSize(20);
        assertThat(split.test().stream().filter(Datasets.Labelled::positive)).hasSize(4);
        assertThat(split.train()).doesNotContainAnyElementsOf(split.test());
        assertThat(Datasets.stratifiedSplit(rows, 0.2, 42)).isEqualTo(split);
    }

    @Test
    void csvHandlesQuotesAndDoubledQuotes() {
        List<List<String>> records = Csv.parse("1,\"a, \"\"b\"\"\",0\n2,plain,1\n");
        assertThat(records).containsExactly(List.of("1", "a, \"b\"", "0"), List.of("2", "plain", "1"));
    }
}
