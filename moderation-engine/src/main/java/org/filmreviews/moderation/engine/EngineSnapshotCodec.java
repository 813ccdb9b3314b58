package org.filmreviews.moderation.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes of {@link ModerationEngine#snapshot()}: what an engine has learned, as the service stores it.
 *
 * <p>Layout (big-endian, {@link DataOutput}): the magic number "FRME", the format, the engine version that wrote it
 * (kept for people reading the bytes), the number of moderator decisions learned, the spam and the spoiler
 * classifier (each as a length and {@link TextClassifier#toBytes()}), then from format 2 a flag and the
 * {@link SpamCalibration}, and from format 3 the thresholds' window of moderator decisions. Every format ever written
 * still reads; only the newest is written. The memory of recent submissions is never part of it: it is the
 * {@link SubmissionMemory}'s.
 */
final class EngineSnapshotCodec {

    private static final int MAGIC = 0x46524D45; // "FRME"
    /** 3: the thresholds' window of moderator decisions after the calibration; 2 and 1 still restore. */
    static final int FORMAT = 3;

    /** What a snapshot holds; the calibration is null when the engine combined spam evidence with fixed weights. */
    record Learned(long decisionsLearned, TextClassifier spamClassifier, TextClassifier spoilerClassifier,
            SpamCalibration spamCalibration, List<ThresholdTuner.Observation> thresholdEvidence) {
    }

    private EngineSnapshotCodec() {
    }

    static byte[] write(ModerationEngine engine) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(ModerationEngine.VERSION);
            out.writeLong(engine.decisionsLearned());
            writeSized(out, engine.spamClassifier().toBytes());
            writeSized(out, engine.spoilerClassifier().toBytes());
            SpamCalibration calibration = engine.spamCalibration().orElse(null);
            out.writeBoolean(calibration != null);
            if (calibration != null) {
                calibration.write(out);
            }
            writeThresholdEvidence(out, engine.thresholdEvidence());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException when the bytes are not a snapshot, or one of a format this engine does not know */
    static Learned read(byte[] snapshot) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("Not a moderation engine snapshot");
            }
            int format = in.readInt();
            if (format < 1 || format > FORMAT) {
                throw new IllegalArgumentException("Unknown snapshot format " + format);
            }
            in.readUTF(); // the engine version that wrote it, kept for people reading the bytes
            long learned = in.readLong();
            TextClassifier spam = TextClassifier.fromBytes(in.readNBytes(in.readInt()));
            TextClassifier spoiler = TextClassifier.fromBytes(in.readNBytes(in.readInt()));
            SpamCalibration calibration = format >= 2 && in.readBoolean() ? SpamCalibration.read(in) : null;
            // Before format 3 only the classifiers learned: the thresholds start from the configured ones.
            List<ThresholdTuner.Observation> thresholdEvidence = format >= 3 ? readThresholdEvidence(in) : List.of();
            return new Learned(learned, spam, spoiler, calibration, thresholdEvidence);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not a moderation engine snapshot", e);
        }
    }

    private static void writeSized(DataOutput out, byte[] part) throws IOException {
        out.writeInt(part.length);
        out.write(part);
    }

    // The thresholds' window: a count, then per decision the two scores and one byte (decision, plus 4 when the author
    // flagged a spoiler). Scores are kept exact, so that a restored window gives exactly the thresholds the saved one gave.

    private static void writeThresholdEvidence(DataOutput out, List<ThresholdTuner.Observation> observations)
            throws IOException {
        out.writeInt(observations.size());
        for (ThresholdTuner.Observation o : observations) {
            out.writeDouble(o.spamScore());
            out.writeDouble(o.spoilerScore());
            int code = switch (o.decision()) {
                case PUBLISH -> 0;
                case PUBLISH_SPOILER -> 1;
                case REJECT -> 2;
                case HOLD -> throw new IllegalStateException("HOLD is not a decision");
            };
            out.writeByte(code | (o.authorFlaggedSpoiler() ? 4 : 0));
        }
    }

    private static List<ThresholdTuner.Observation> readThresholdEvidence(DataInput in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > 1_000_000) {
            throw new IOException("Implausible number of threshold observations: " + count);
        }
        List<ThresholdTuner.Observation> observations = new ArrayList<>(Math.min(count, ThresholdTuner.WINDOW));
        for (int i = 0; i < count; i++) {
            double spam = in.readDouble();
            double spoiler = in.readDouble();
            int code = in.readByte();
            Outcome decision = switch (code & 3) {
                case 0 -> Outcome.PUBLISH;
                case 1 -> Outcome.PUBLISH_SPOILER;
                case 2 -> Outcome.REJECT;
                default -> throw new IOException("Unknown decision code " + code);
            };
            observations.add(new ThresholdTuner.Observation(spam, spoiler, decision, (code & 4) != 0));
        }
        return observations;
    }
}
