package org.filmreviews.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The real encoder (ONNX Runtime, the e5-small-v2 model from its Maven jar), as the spoiler evaluation uses it. */
class E5EncoderTest {

    @Test
    void aParaphraseLandsCloserThanAnUnrelatedSentence() {
        E5Encoder encoder = new E5Encoder(false);

        float[][] v = encoder.encode(List.of("the hero dies at the end", "in the last scene the main character is killed",
                "the soundtrack is lovely and the colours are warm"));

        assertThat(v).hasNumberOfRows(3);
        assertThat(v[0]).hasSize(encoder.dimensions());
        assertThat(cosine(v[0], v[1])).isGreaterThan(cosine(v[0], v[2]) + 0.05);
    }

    @Test
    void theMemoReturnsTheSameVectorWithoutEncodingAgain() {
        E5Encoder encoder = new E5Encoder(true);

        float[] first = encoder.encode(List.of("she was the killer all along"))[0];
        float[] again = encoder.encode(List.of("she was the killer all along"))[0];

        assertThat(again).isSameAs(first);
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
