package org.filmreviews.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.filmreviews.moderation.engine.SentenceEncoder;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.e5smallv2.E5SmallV2EmbeddingModel;

/**
 * The engine's {@link SentenceEncoder} backed by e5-small-v2 (a 33M-parameter BERT encoder, 384 values per sentence)
 * run by ONNX Runtime in this process. e5 models expect a "query: " prefix on short texts to be classified.
 *
 * <p>With {@code memo}, each distinct text is encoded once: cross-validation scores the same rows five times, and
 * the encoder is by far the slowest part. The memo changes no result, only the time.
 */
final class E5Encoder implements SentenceEncoder {

    private static final String PREFIX = "query: ";
    private static final int BATCH = 64;

    private final E5SmallV2EmbeddingModel model = new E5SmallV2EmbeddingModel();
    private final Map<String, float[]> memo;

    E5Encoder(boolean memo) {
        this.memo = memo ? new ConcurrentHashMap<>() : null;
    }

    @Override
    public int dimensions() {
        return 384;
    }

    @Override
    public float[][] encode(List<String> sentences) {
        float[][] vectors = new float[sentences.size()][];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = memo == null ? null : memo.get(sentences.get(i));
            if (vectors[i] == null) {
                missing.add(i);
            }
        }
        for (int from = 0; from < missing.size(); from += BATCH) {
            List<Integer> batch = missing.subList(from, Math.min(missing.size(), from + BATCH));
            List<TextSegment> segments = batch.stream()
                    .map(i -> TextSegment.from(PREFIX + (sentences.get(i).isBlank() ? "." : sentences.get(i))))
                    .toList();
            List<Embedding> embeddings = model.embedAll(segments).content();
            for (int j = 0; j < batch.size(); j++) {
                int i = batch.get(j);
                vectors[i] = embeddings.get(j).vector();
                if (memo != null) {
                    memo.put(sentences.get(i), vectors[i]);
                }
            }
        }
        return vectors;
    }
}
