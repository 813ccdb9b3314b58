package org.filmreviews.moderation.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds spoilers sentence by sentence, so the page can hide only the sentences that give the story away.
 *
 * <p>A sentence's own score combines plot-revealing language ("turns out", "dies", "was dead all along"), names from
 * the film that its public synopsis does not mention, and the spoiler classifier (bounded in weight). Plot retelling
 * comes in runs, so the other sentences nearby lend a sentence part of their score. On top of that the review's own
 * words count: a warning ("Some of it may be a spoiler", "Enough of spoilers") makes the review a spoiler, a denial
 * ("no big spoilers") lowers every score, and the author's flag is always honoured.
 */
final class SpoilerSignals {

    /** What the engine knows about the film a review is about: its characters' names and its marked secrets. */
    record FilmContext(FilmNames names, FilmSecrets secrets) {
        static final FilmContext NONE = new FilmContext(FilmNames.NONE, FilmSecrets.NONE);
    }

    /** What the engine learned about one review's spoilers. */
    record Assessment(double score, List<Span> spoilerSentences, List<Finding> findings, double[] sentenceScores) {
    }

    private record PlotRule(PhraseList phrases, double weight) {
    }

    /** Denials lower every score by this factor. */
    private static final double DENIAL_FACTOR = 0.6;
    private static final double MARKER_WEIGHT = 0.9;
    static final double NAME_WEIGHT = 0.3;
    /**
     * The band of sentence scores the words leave unsettled: there the encoder, when the engine has one, reads the
     * sentence too. Below it a sentence is plainly an opinion, above it plainly a retelling.
     */
    private static final double UNSETTLED_FROM = 0.2;
    private static final double UNSETTLED_TO = 0.75;
    /** Moderators confirmed that this film's secret is a spoiler: telling it again is nearly as sure as a warning. */
    static final double SECRET_WEIGHT = 0.6;
    private static final int CONTEXT_RADIUS = 3;

    /** The plot rules, in the order their phrases are quoted; each sentence takes at most one phrase of each. */
    static final List<String> PLOT_RULES = List.of("plot.all-along", "plot.revealed", "plot.kin-and-culprits", "plot.death",
            "plot.ending", "plot.betrayal", "plot.outcome");
    /** The languages of the phrase files, in the order their phrases are tried (see {@link PhraseRules}). */
    static final List<String> LANGUAGES = List.of("en", "any", "de", "es", "fr", "it", "pl", "pt", "ru");

    /** The phrases are data: {@code spoiler/<language>.rules}, read and checked once. */
    private static final List<PlotRule> PLOT = PhraseRules.load("spoiler", LANGUAGES, PLOT_RULES).stream()
            .map(rule -> new PlotRule(rule.phrases(), rule.weight())).toList();

    static List<PhraseList> phraseLists() {
        return PLOT.stream().map(PlotRule::phrases).toList();
    }

    List<PlotHit> plotHits(String words) {
        List<PlotHit> hits = new ArrayList<>(2);
        for (PlotRule rule : PLOT) {
            String hit = rule.phrases().find(words);
            if (hit != null) {
                hits.add(new PlotHit(hit.strip(), rule.weight()));
            }
        }
        return hits;
    }

    record PlotHit(String phrase, double weight) {
    }

    /** Scores for sentences alone, with their neighbours as context: what the bench measures. */
    double[] sentenceScores(List<TextAnalyser.Analysed> sentences, FilmContext film, SpoilerModel model,
            EngineSettings settings) {
        double[] own = ownScores(sentences, film, model, settings, null);
        return withContext(own, settings.sentenceContextWeight());
    }

    Assessment assess(String body, List<Span> spans, List<TextAnalyser.Analysed> sentences, FilmContext film,
            boolean authorFlag,
            SpoilerModel model, EngineSettings settings) {
        int n = sentences.size();
        List<Finding> findings = new ArrayList<>();
        SentenceNotes notes = new SentenceNotes();
        double[] own = ownScores(sentences, film, model, settings, notes);
        double[] scores = withContext(own, settings.sentenceContextWeight());

        // Warnings and denials, with the sentence each one is in.
        SpoilerWarnings warnings = SpoilerWarnings.of(sentences);
        int aheadAt = warnings.aheadAt();
        int behindAt = warnings.behindAt();
        int deniedAt = warnings.deniedAt();
        String markerText = warnings.markerText();
        String denialText = warnings.denialText();
        int aheadEndInSentence = warnings.aheadEndInSentence();
        boolean marked = aheadAt >= 0 || behindAt >= 0;

        if (deniedAt >= 0) {
            for (int i = 0; i < n; i++) {
                scores[i] *= DENIAL_FACTOR;
            }
        }
        double score = 0;
        for (double s : scores) {
            score = Math.max(score, s);
        }

        List<Span> hidden = new ArrayList<>();
        Set<Integer> hiddenSentences = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
            if (scores[i] >= settings.thresholds().spoilerSentence()) {
                hiddenSentences.add(i);
            }
        }
        if (marked) {
            score = Math.max(score, MARKER_WEIGHT);
            findings.add(new Finding(Finding.Signal.SPOILER, "spoiler.marker",
                    "The review warns that it contains spoilers (" + SpamSignals.quote(markerText) + ").", MARKER_WEIGHT));
            double inScope = settings.thresholds().spoilerSentence() / 2;
            if (behindAt >= 0) {
                addScope(hiddenSentences, scores, 0, behindAt, inScope, behindAt - 1);
            }
            if (aheadAt >= 0) {
                addScope(hiddenSentences, scores, aheadAt + 1, n, inScope, aheadAt + 1);
            }
        }
        if (deniedAt >= 0) {
            findings.add(new Finding(Finding.Signal.SPOILER, "spoiler.denied",
                    "The review says it has no big spoilers (" + SpamSignals.quote(denialText)
                            + "), which lowers its spoiler score.",
                    0));
        }
        if (authorFlag) {
            score = 1;
            findings.add(new Finding(Finding.Signal.SPOILER, "spoiler.author-flag",
                    "The author marked the review as containing spoilers.", 1));
            if (hiddenSentences.isEmpty()) {
                for (int i = 0; i < n; i++) {
                    hiddenSentences.add(i);
                }
            }
        }
        notes.addFindings(findings, scores, settings);

        for (int i : new java.util.TreeSet<>(hiddenSentences)) {
            Span span = spans.get(i);
            if (i == aheadAt && aheadEndInSentence >= 0) {
                // Hide only what follows the warning: "* Some of it may be a spoiler* Two friends..." keeps the warning visible.
                span = afterMarker(body, span, sentences.get(i), aheadEndInSentence);
            }
            if (span != null) {
                hidden.add(span);
            }
        }
        if (aheadAt >= 0 && !hiddenSentences.contains(aheadAt)) {
            Span rest = afterMarker(body, spans.get(aheadAt), sentences.get(aheadAt), aheadEndInSentence);
            if (rest != null && rest.end() - rest.start() >= 20) {
                hidden.add(0, rest);
                hidden.sort(java.util.Comparator.comparingInt(Span::start));
            }
        }
        return new Assessment(Math.min(1, score), hidden, findings, scores);
    }

    /**
     * Sentences in {@code [from, to)} that look most like plot: the warning covers some of them, but not which, so
     * those scoring at least half the best one in scope are hidden; the {@code fallback} sentence when none stands out.
     */
    private static void addScope(Set<Integer> hidden, double[] scores, int from, int to, double inScope, int fallback) {
        double best = 0;
        for (int i = from; i < to; i++) {
            best = Math.max(best, scores[i]);
        }
        double bar = Math.min(inScope, Math.max(0.05, best / 2));
        boolean any = false;
        for (int i = from; i < to; i++) {
            if (scores[i] >= bar) {
                hidden.add(i);
                any = true;
            }
        }
        if (!any && fallback >= 0 && fallback < scores.length) {
            hidden.add(fallback);
        }
    }

    /** The part of a sentence after a spoiler warning, when the normalised text still lines up with the body. */
    private static Span afterMarker(String body, Span sentence, TextAnalyser.Analysed text, int markerEnd) {
        if (text.normalised().length() != sentence.end() - sentence.start()) {
            return sentence;
        }
        int start = sentence.start() + markerEnd;
        while (start < sentence.end() && !Character.isLetterOrDigit(body.charAt(start))) {
            start++;
        }
        return start < sentence.end() ? new Span(start, sentence.end()) : null;
    }

    /**
     * Each sentence's own score: first from the words, then, where the engine has an encoder, again for the sentences
     * the words leave unsettled or that speak of the film's characters, with what the encoder makes of them.
     */
    private double[] ownScores(List<TextAnalyser.Analysed> sentences, FilmContext film, SpoilerModel model,
            EngineSettings settings,
            SentenceNotes notes) {
        int n = sentences.size();
        double[] own = new double[n];
        double[] p = model.probabilities(sentences, settings.expectedSpoilerShare());
        for (int i = 0; i < n; i++) {
            own[i] = ownScore(sentences.get(i), film, p[i], settings, notes == null ? null : notes.at(i));
        }
        if (model.readsMeaning()) {
            List<Integer> unsettled = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                boolean aboutCharacters = film.names().mentions(sentences.get(i).words());
                if (!sentences.get(i).words().isEmpty() && own[i] < UNSETTLED_TO
                        && (own[i] >= UNSETTLED_FROM || aboutCharacters)) {
                    unsettled.add(i);
                }
            }
            model.refine(sentences, unsettled, p, settings.expectedSpoilerShare());
            for (int i : unsettled) {
                own[i] = ownScore(sentences.get(i), film, p[i], settings, notes == null ? null : notes.at(i));
            }
        }
        return own;
    }

    private double ownScore(TextAnalyser.Analysed sentence, FilmContext film, double p, EngineSettings settings,
            SentenceNotes.SentenceNote note) {
        String words = sentence.wordText();
        double clean = 1;
        List<PlotHit> hits = plotHits(words);
        for (PlotHit hit : hits) {
            clean *= 1 - hit.weight();
        }
        List<String> unpublishedNames = film.names().beyondSynopsis(sentence.words());
        if (!unpublishedNames.isEmpty()) {
            clean *= 1 - Math.min(0.45, NAME_WEIGHT + 0.1 * (unpublishedNames.size() - 1));
        }
        List<String> secret = film.secrets().revealed(sentence.words());
        if (!secret.isEmpty()) {
            clean *= 1 - SECRET_WEIGHT;
        }
        double modelWeight = settings.spoilerClassifierWeight() * p;
        clean *= 1 - modelWeight;
        if (note != null) {
            note.hits = hits;
            note.names = unpublishedNames;
            note.secret = secret;
            note.probability = p;
            note.modelWeight = modelWeight;
        }
        return 1 - clean;
    }

    private static double[] withContext(double[] own, double weight) {
        int n = own.length;
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            int count = 0;
            for (int j = Math.max(0, i - CONTEXT_RADIUS); j <= Math.min(n - 1, i + CONTEXT_RADIUS); j++) {
                if (j != i) {
                    sum += own[j];
                    count++;
                }
            }
            double context = count == 0 ? 0 : sum / count;
            scores[i] = 1 - (1 - own[i]) * (1 - weight * context);
        }
        return scores;
    }
}
