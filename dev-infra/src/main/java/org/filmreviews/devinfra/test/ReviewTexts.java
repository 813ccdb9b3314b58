package org.filmreviews.devinfra.test;

import java.util.List;
import java.util.Random;

/**
 * Honest reviews of a few sentences for load: random words of a film review's vocabulary, so that each text differs
 * from every other and moderation suspects no copy, flood or spam. The same random sequence gives the same texts.
 */
public final class ReviewTexts {

    private static final List<String> WORDS = List.of("acting", "camera", "score", "story", "ending", "pace", "light", "winter",
            "train", "village", "letters", "mother", "brother", "war", "silence", "colour", "frame", "faces", "dialogue",
            "humour",
            "sadness", "memory", "house", "river", "music", "director", "script", "scene", "cast", "lead", "quiet", "slow",
            "tender",
            "cold", "bright", "honest", "strange", "long", "short", "moving", "careful", "clumsy", "gentle", "bitter", "warm",
            "patient", "restless", "old", "young", "city", "road", "window", "kitchen", "garden", "snow", "rain", "summer",
            "evening",
            "morning", "night", "laughter", "tears", "hands", "voice", "photograph", "radio", "factory", "school", "friendship",
            "betrayal", "return", "journey", "choice", "doubt", "hope", "fear", "courage", "pride", "shame", "grace", "anger",
            "stubborn", "tired", "clever", "simple", "rich", "plain", "sharp", "soft", "loud", "familiar", "distant", "close",
            "editing", "sound", "costumes", "sets", "locations", "rhythm", "tone", "mood", "surprise", "detail", "texture");

    private ReviewTexts() {
    }

    /** A review of {@code minWords} to {@code minWords + spread - 1} words, in sentences of seven. Not thread-safe per random. */
    public static String next(Random random, int minWords, int spread) {
        StringBuilder text = new StringBuilder("I liked the ");
        int words = minWords + random.nextInt(spread);
        for (int i = 0; i < words; i++) {
            text.append(WORDS.get(random.nextInt(WORDS.size())));
            text.append(i % 7 == 6 ? ". The " : " ");
        }
        return text.toString().trim() + ".";
    }
}
