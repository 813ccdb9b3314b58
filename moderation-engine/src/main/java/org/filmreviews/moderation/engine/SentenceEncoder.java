package org.filmreviews.moderation.engine;

import java.util.List;

/**
 * Turns sentences into vectors that carry what they mean (a sentence-embedding model), so that "the butler did it" and
 * "it was the gardener all along" can look alike to a classifier although they share no word. The engine has no
 * model of its own and imports none: whoever builds the engine supplies one (the bench plugs in a small BERT-style
 * encoder run by ONNX Runtime).
 *
 * <p>Implementations must be thread-safe and must return one vector of {@link #dimensions()} values per sentence, in
 * the order given.
 */
public interface SentenceEncoder {

    int dimensions();

    float[][] encode(List<String> sentences);
}
