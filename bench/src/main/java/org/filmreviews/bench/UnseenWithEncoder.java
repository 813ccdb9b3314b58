package org.filmreviews.bench;

import java.util.List;
import java.util.Locale;

import org.filmreviews.moderation.engine.EngineSettings;
import org.filmreviews.moderation.engine.ModerationEngine;
import org.filmreviews.moderation.engine.SentenceMeaning;
import org.filmreviews.moderation.engine.UnseenReviews;

/**
 * The engine on the unseen review sets (the moderation-engine tests' {@link UnseenReviews}), as shipped (words only)
 * and with the sentence encoder as a second stage, its classifier fitted on the project's own spoiler corpus. Prints
 * each part's scorecard both ways and the share of sentences the encoder read.
 *
 * <p>Run: {@code bench/run.sh UnseenWithEncoder [l2]}
 */
public final class UnseenWithEncoder {

    private static final List<String> PARTS = List.of("a", "b", "c", "d", "e", "f", "g");

    private UnseenWithEncoder() {
    }

    public static void main(String[] args) {
        double l2 = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        E5Encoder encoder = new E5Encoder(true);
        SentenceMeaning meaning = SentenceMeaning.onShippedCorpus(encoder, l2);
        for (String part : PARTS) {
            UnseenReviews reviews = UnseenReviews.load(part);
            UnseenReviews.Scorecard words = reviews.score(ModerationEngine.builder().build());
            ModerationEngine withEncoder = ModerationEngine.builder().settings(EngineSettings.DEFAULTS).sentenceMeaning(meaning)
                    .build();
            UnseenReviews.Scorecard both = reviews.score(withEncoder);
            System.out.printf(Locale.ROOT, "part %s  words: clean %.3f spam %.3f spoiler %.3f sentences %.3f/%.3f"
                    + " | with encoder: clean %.3f spam %.3f spoiler %.3f sentences %.3f/%.3f, encoder read %.0f%% of sentences%n",
                    part, words.cleanPublishedRate(), words.spamRecall(), words.spoilerRecall(), words.sentenceRecall(),
                    words.sentencePrecision(), both.cleanPublishedRate(), both.spamRecall(), both.spoilerRecall(),
                    both.sentenceRecall(),
                    both.sentencePrecision(), withEncoder.encodedShare() * 100);
        }
    }
}
