package org.filmreviews.moderation.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * A binary text classifier that keeps learning: logistic regression over hashed words and word pairs, trained one
 * example at a time with per-feature step sizes (AdaGrad). Words it has never seen start with a large step, so a
 * handful of moderator decisions about a new spam wording are enough to move it, while words seen thousands of times
 * barely move at all.
 *
 * <p>Thread-safe: any number of threads may ask for probabilities while another trains.
 */
public final class TextClassifier {

    /** One labelled text for {@link #fit}. */
    public record Example(String text, boolean positive) {
    }

    private static final int FORMAT = 2;
    private static final TextAnalyser ANALYSER = new TextAnalyser();

    private final FeatureHasher hasher;
    private final double learningRate;
    private final double l2;
    private final float[] weights;
    private final float[] squaredGradients;
    private double bias;
    private double biasSquaredGradient;
    private long examples;
    private long positives;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    private TextClassifier(FeatureHasher hasher, double learningRate, double l2) {
        this.hasher = hasher;
        this.learningRate = learningRate;
        this.l2 = l2;
        this.weights = new float[1 << hasher.bits()];
        this.squaredGradients = new float[1 << hasher.bits()];
    }

    /** An untrained classifier with 2^18 slots, word features only. */
    public static TextClassifier untrained() {
        return untrained(18, false);
    }

    /**
     * @param bits the classifier has 2^bits weights; 18 suits a few thousand training texts, 20 a few hundred thousand
     * @param characterGrams also read character 4-grams inside words (slower, better on short messy texts)
     */
    public static TextClassifier untrained(int bits, boolean characterGrams) {
        return untrained(Options.DEFAULTS.withBits(bits).withCharacterGrams(characterGrams));
    }

    /**
     * How a classifier reads text and learns.
     *
     * @param bits the classifier has 2^bits weights
     * @param characterGrams also read character 4-grams inside words
     * @param stems read English words by their Snowball stem ("kills", "killed", "killing" are one feature), so what
     *     is learned about one form carries to the others; words in other scripts are left as they are
     * @param learningRate AdaGrad base step: 0.3 lets a few moderator decisions move a small model; for thousands of
     *     training texts 0.1 generalises better (less over-fitting to words seen a handful of times)
     */
    public record Options(int bits, boolean characterGrams, boolean stems, double learningRate) {

        /** What {@link #untrained(int, boolean)} uses, with 2^18 slots. */
        public static final Options DEFAULTS = new Options(18, false, false, DEFAULT_LEARNING_RATE);

        public Options {
            if (bits < 10 || bits > 26) {
                throw new IllegalArgumentException("bits must be between 10 and 26, was " + bits);
            }
            if (!(learningRate > 0)) {
                throw new IllegalArgumentException("learningRate must be positive, was " + learningRate);
            }
        }

        public Options withBits(int value) {
            return new Options(value, characterGrams, stems, learningRate);
        }

        public Options withCharacterGrams(boolean value) {
            return new Options(bits, value, stems, learningRate);
        }

        public Options withStems(boolean value) {
            return new Options(bits, characterGrams, value, learningRate);
        }

        public Options withLearningRate(double value) {
            return new Options(bits, characterGrams, stems, value);
        }
    }

    /** The AdaGrad base step of {@link #untrained(int, boolean)}. */
    public static final double DEFAULT_LEARNING_RATE = 0.3;

    /** An untrained classifier read and trained as {@code options} says. */
    public static TextClassifier untrained(Options options) {
        return new TextClassifier(new FeatureHasher(options.bits(), options.characterGrams(), options.stems()),
                options.learningRate(), 1e-6);
    }

    /** Trains on {@code examples} for {@code epochs} passes in a shuffled order fixed by {@code seed}. */
    public TextClassifier fit(List<Example> examples, int epochs, long seed) {
        List<int[]> vectors = new ArrayList<>(examples.size());
        for (Example example : examples) {
            vectors.add(hasher.slots(ANALYSER.analyse(example.text())));
        }
        List<Integer> order = new ArrayList<>(examples.size());
        for (int i = 0; i < examples.size(); i++) {
            order.add(i);
        }
        Random random = new Random(seed);
        for (int epoch = 0; epoch < epochs; epoch++) {
            Collections.shuffle(order, random);
            for (int i : order) {
                update(vectors.get(i), examples.get(i).positive(), 1.0);
            }
        }
        return this;
    }

    /** One online step, for example from a moderator's decision; {@code importance} scales the step. */
    public void learn(String text, boolean positive, double importance) {
        learn(ANALYSER.analyse(text), positive, importance);
    }

    void learn(TextAnalyser.Analysed text, boolean positive, double importance) {
        update(hasher.slots(text), positive, importance);
    }

    /** Probability that {@code text} is positive, at the class balance the classifier was trained on. */
    public double probability(String text) {
        return probability(ANALYSER.analyse(text));
    }

    double probability(TextAnalyser.Analysed text) {
        return sigmoid(score(hasher.slots(text)));
    }

    /**
     * Probability adjusted from the training class balance to {@code prior}, the share of positives expected in real
     * traffic (Bayes' rule on the odds). Training sets are balanced; real reviews are mostly clean.
     */
    double probability(TextAnalyser.Analysed text, double prior) {
        double z = score(hasher.slots(text));
        if (prior > 0 && prior < 1) {
            z += logit(prior) - logit(trainingPrior());
        }
        return sigmoid(z);
    }

    /** The share of positive examples seen in training so far. */
    public double trainingPrior() {
        lock.readLock().lock();
        try {
            return examples == 0 ? 0.5 : Math.min(0.99, Math.max(0.01, (double) positives / examples));
        } finally {
            lock.readLock().unlock();
        }
    }

    public long examplesSeen() {
        lock.readLock().lock();
        try {
            return examples;
        } finally {
            lock.readLock().unlock();
        }
    }

    private double score(int[] slots) {
        double value = slots.length == 0 ? 0 : 1 / Math.sqrt(slots.length);
        lock.readLock().lock();
        try {
            double z = bias;
            for (int slot : slots) {
                z += weights[slot] * value;
            }
            return z;
        } finally {
            lock.readLock().unlock();
        }
    }

    private void update(int[] slots, boolean positive, double importance) {
        double value = slots.length == 0 ? 0 : 1 / Math.sqrt(slots.length);
        lock.writeLock().lock();
        try {
            double z = bias;
            for (int slot : slots) {
                z += weights[slot] * value;
            }
            double error = sigmoid(z) - (positive ? 1 : 0);
            for (int slot : slots) {
                double gradient = error * value + l2 * weights[slot];
                squaredGradients[slot] += (float) (gradient * gradient);
                // AdaGrad divides the size of the gradient away on a feature's first step, so importance scales the step.
                weights[slot] -= (float) (importance * learningRate * gradient / Math.sqrt(squaredGradients[slot] + 1e-8));
            }
            biasSquaredGradient += error * error;
            bias -= importance * learningRate * error / Math.sqrt(biasSquaredGradient + 1e-8);
            examples++;
            if (positive) {
                positives++;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The whole learned state, compressed; only non-zero weights are written. */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        lock.readLock().lock();
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
            out.writeInt(FORMAT);
            out.writeInt(hasher.bits());
            out.writeBoolean(hasher.characterGrams());
            out.writeBoolean(hasher.stems());
            out.writeDouble(learningRate);
            out.writeDouble(l2);
            out.writeDouble(bias);
            out.writeDouble(biasSquaredGradient);
            out.writeLong(examples);
            out.writeLong(positives);
            int used = 0;
            for (float g : squaredGradients) {
                if (g != 0) {
                    used++;
                }
            }
            out.writeInt(used);
            for (int i = 0; i < weights.length; i++) {
                if (squaredGradients[i] != 0) {
                    out.writeInt(i);
                    out.writeFloat(weights[i]);
                    out.writeFloat(squaredGradients[i]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.readLock().unlock();
        }
        return bytes.toByteArray();
    }

    /** Reads what {@link #toBytes()} wrote. */
    public static TextClassifier fromBytes(byte[] data) {
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(data)))) {
            int format = in.readInt();
            if (format != 1 && format != FORMAT) {
                throw new IllegalArgumentException("Unknown classifier format " + format);
            }
            int bits = in.readInt();
            boolean characterGrams = in.readBoolean();
            boolean stems = format >= 2 && in.readBoolean();
            TextClassifier classifier = new TextClassifier(new FeatureHasher(bits, characterGrams, stems), in.readDouble(),
                    in.readDouble());
            classifier.bias = in.readDouble();
            classifier.biasSquaredGradient = in.readDouble();
            classifier.examples = in.readLong();
            classifier.positives = in.readLong();
            int used = in.readInt();
            for (int k = 0; k < used; k++) {
                int i = in.readInt();
                classifier.weights[i] = in.readFloat();
                classifier.squaredGradients[i] = in.readFloat();
            }
            return classifier;
        } catch (IOException e) {
            throw new IllegalArgumentException("Not a classifier snapshot", e);
        }
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }
}
