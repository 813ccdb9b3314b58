package org.filmreviews.moderation.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;

import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.sentdetect.ThreadSafeSentenceDetectorME;

/**
 * Finds the sentences of a review body as character spans of that body, so the page can hide single sentences.
 *
 * <p>Boundaries come from Apache OpenNLP's English sentence model (the {@code opennlp-models-sentdetect-en}
 * artifact), which knows abbreviations and numbered lists. Three things it does not do are added here: a line break
 * always ends a sentence; CJK full stops ("。") end sentences; and a sentence glued to the next one without a space
 * ("a deep idea.The plot") is split, as people typing on phones often do that. Without the model on the class path
 * the JDK's {@link BreakIterator} is used instead.
 */
final class SentenceSplitter {

    private final Function<String, int[]> detector;

    SentenceSplitter() {
        this.detector = loadOpenNlp();
    }

    /** The sentences of {@code text}, trimmed, in order, never empty. */
    List<Span> split(String text) {
        List<Span> sentences = new ArrayList<>();
        if (text == null) {
            return sentences;
        }
        int lineStart = 0;
        int n = text.length();
        while (lineStart < n) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            if (lineEnd > lineStart) {
                splitLine(text, lineStart, lineEnd, sentences);
            }
            lineStart = lineEnd + 1;
        }
        return sentences;
    }

    private void splitLine(String text, int from, int to, List<Span> out) {
        String line = text.substring(from, to);
        if (line.isBlank()) {
            return;
        }
        int[] bounds = detector.apply(line);
        for (int i = 0; i < bounds.length; i += 2) {
            splitGlued(text, from + bounds[i], from + bounds[i + 1], out);
        }
    }

    /** Splits after a CJK full stop, or after ".", "!" or "?" that sits between a lower-case word and a capitalised one. */
    private static void splitGlued(String text, int from, int to, List<Span> out) {
        int start = from;
        for (int i = from; i < to - 1; i++) {
            char c = text.charAt(i);
            boolean cut = false;
            if (c == '。' || c == '！' || c == '？') {
                cut = true;
            } else if ((c == '.' || c == '!' || c == '?') && i - 2 >= start
                    && Character.isLowerCase(text.charAt(i - 1)) && Character.isLowerCase(text.charAt(i - 2))
                    && i + 2 < to && Character.isUpperCase(text.charAt(i + 1)) && Character.isLowerCase(text.charAt(i + 2))) {
                cut = true;
            }
            if (cut) {
                addTrimmed(text, start, i + 1, out);
                start = i + 1;
            }
        }
        addTrimmed(text, start, to, out);
    }

    private static void addTrimmed(String text, int start, int end, List<Span> out) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            out.add(new Span(start, end));
        }
    }

    private static Function<String, int[]> loadOpenNlp() {
        try {
            SentenceModel model = findEnglishModel();
            if (model != null) {
                ThreadSafeSentenceDetectorME me = new ThreadSafeSentenceDetectorME(model);
                return line -> {
                    opennlp.tools.util.Span[] spans = me.sentPosDetect(line);
                    int[] bounds = new int[spans.length * 2];
                    for (int i = 0; i < spans.length; i++) {
                        bounds[2 * i] = spans[i].getStart();
                        bounds[2 * i + 1] = spans[i].getEnd();
                    }
                    return bounds;
                };
            }
        } catch (IOException | RuntimeException e) {
            // fall through to the JDK's rules
        }
        return SentenceSplitter::breakIterator;
    }

    /** The model jar describes itself in a {@code model.properties} at its root. */
    private static SentenceModel findEnglishModel() throws IOException {
        ClassLoader loader = SentenceSplitter.class.getClassLoader();
        Enumeration<URL> descriptors = loader.getResources("model.properties");
        while (descriptors.hasMoreElements()) {
            Properties properties = new Properties();
            try (InputStream in = descriptors.nextElement().openStream()) {
                properties.load(in);
            }
            String name = properties.getProperty("model.name", "");
            if ("en".equals(properties.getProperty("model.language")) && name.contains("sentence")) {
                try (InputStream model = loader.getResourceAsStream(name)) {
                    if (model != null) {
                        return new SentenceModel(model);
                    }
                }
            }
        }
        return null;
    }

    private static int[] breakIterator(String line) {
        BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ROOT);
        iterator.setText(line);
        List<Integer> bounds = new ArrayList<>();
        int start = iterator.first();
        for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
            bounds.add(start);
            bounds.add(end);
        }
        return bounds.stream().mapToInt(Integer::intValue).toArray();
    }
}
