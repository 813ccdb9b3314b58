package org.filmreviews.moderation.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final double NAME_WEIGHT = 0.3;
    /**
     * The band of sentence scores the words leave unsettled: there the encoder, when the engine has one, reads the
     * sentence too. Below it a sentence is plainly an opinion, above it plainly a retelling.
     */
    private static final double UNSETTLED_FROM = 0.2;
    private static final double UNSETTLED_TO = 0.75;
    /** Moderators confirmed that this film's secret is a spoiler: telling it again is nearly as sure as a warning. */
    private static final double SECRET_WEIGHT = 0.6;
    private static final int CONTEXT_RADIUS = 3;

    /** "Is" / "was" in Spanish, Portuguese, Italian, French and German, accents folded ("è", "é" read "e"). */
    private static final String COPULA = "(?:era|es|fue|e|foi|etait|est|ist|war)";
    /** The killer or the traitor in those languages ("Mörder" reads "morder"). */
    private static final String CULPRIT = "(?:asesino|asesina|assassino|assassina|meurtrier|tueur|morder|morderin|traidor|traidora|traitre"
            + "|verrater|traditore)";

    private static final List<PlotRule> PLOT = List.of(
            new PlotRule(PhraseList.of("\\b(?:dead|alive|a ghost|dreaming|lying|the killer|the villain|in on it|behind it|his father|her father|her mother|his mother|his son|her son|his brother|her sister) all along\\b"
                    + "|\\b(?:was|were|had been) (?:\\S+ ){1,8}?all along\\b"
                    + "|\\b(?:era morto|era morta|estaba muerto|estaba muerta|war tot|etait mort|etait morte|estava morto|estava morta|был мертв|была мертва)\\b"
                    + "|\\bit was (?:all )?(?:just )?a dream\\b|\\bwas (?:a ghost|dead) the whole time\\b"), 0.75),
            new PlotRule(PhraseList.of("\\bturns? out(?: to be| that)?|\\bturned out (?:to be|that)\\b|\\bis revealed\\b|\\bwas revealed\\b"
                    + "|\\b(?:is|was|are|were) (?:revealed|discovered|exposed|unmasked) (?:to be|as)\\b|\\breveals? (?:that|himself|herself|themselves|his|her|their)\\b"
                    + "|\\b(?:real|true|secret) identity\\b|\\b(?:is|was) (?:actually|really|secretly) (?:a|an|the|his|her|their|dead|alive)"
                    + "|\\bthe (?:killer|murderer|culprit|traitor|mole) (?:is|was)\\b|\\b(?:is|was) the (?:killer|murderer|culprit|traitor|mole)\\b"
                    + "|\\bi am your father\\b|\\bplot twist\\b|\\bthe twist (?:is|was)\\b|\\btwist ending\\b|\\bsurprise ending\\b"
                    + "|\\b(?:оказывается|оказалось|выясняется|выяснилось|resulta que|resulta ser|resultan ser|resulto ser|scopriamo che|s'avere|stellt sich heraus|si scopre che"
                    + "|okazuje sie|est en fait|etait en fait|es en realidad|era en realidad|e na verdade|era na verdade|ist in wirklichkeit"
                    + "|war in wirklichkeit|in realta e|era in realta)"), 0.6),
            // Family ties and culprits revealed, in English and in the other languages reviews come in most.
            new PlotRule(PhraseList.of("\\b(?:is|was|being) (?:actually |really |secretly )?(?:the )?(?:\\S+'s|his|her|their) (?:own |real |biological |birth |long lost )?"
                    + "(?:father|mother|dad|mom|brother|sister|son|daughter|twin)\\b"
                    + "|\\b" + COPULA + " (?:el|la|o|a|le|il|der|die) (?:assassin|" + CULPRIT + ")\\b|\\b(?:был|была) (?:убийцей|предателем)"
                    + "|\\b" + CULPRIT + " " + COPULA + "\\b|\\bубийца (?:это|был|была)"
                    + "|\\b(?:villain|bad guys?|evil) wins?\\b"), 0.5),
            new PlotRule(PhraseList.of("\\bdies\\b|\\bdied\\b|\\b(?:is|was|were|are|gets|got) (?:killed|murdered|shot|executed|poisoned)\\b|\\bkilled off\\b|\\bkills? off\\b|\\bpasses away\\b"
                    + "|\\bshoots (?:himself|herself)\\b|\\b(?:stabs|strangles|poisons) (?:himself|herself|him|her|them)\\b"
                    + "|\\b(?:sobrevive|sobrevivem|survit|survivent|uberlebt|uberleben|sopravvive|przezyje|выживает|выживают)\\b"
                    + "|\\bkills (?:him|her|them|himself|herself|his|her|the)\\b|\\bcommits suicide\\b|\\bmurders (?:his|her|the)\\b"
                    + "|\\bshot dead\\b|\\bthe death of (?:the|his|her)|\\bsurvives(?! its\\b)\\b|\\bdoesn't survive\\b|\\bdon't survive\\b"
                    + "|\\b(?:gets|got|is|was) (?:eaten|devoured|stabbed|hanged|drowned|beheaded|decapitated)\\b|\\bdrowns\\b"
                    + "|\\b(?:freezes|freezing|froze|beaten|stabbed|burned|burns|starves|crushed|bleeds) to death\\b"
                    + "|\\bsacrifices? (?:himself|herself|itself|themselves|his life|her life)\\b|\\b(?:ends?|winds?) up dead\\b"
                    + "|\\bthe (?:hero|heroine|villain|protagonist|main character) (?:is|was) dead\\b"
                    + "|\\b(?:умирает|погибает|убивает|погиб|погибла|умер|умерла|muere|mueren|murio|morre|morreu|meurt|meurent|stirbt|sterben|starb"
                    + "|muore|muoiono|umiera|umieraja)"), 0.5),
            new PlotRule(PhraseList.of("\\bthe ending (?:is|was|where|when|reveals|shows)\\b|\\bends (?:with|when|up)\\b|\\bended up\\b"
                    + "|\\bin the (?:final|last) (?:\\S+ )?(?:scene|act|minutes|moments|seconds|shot|episode)\\b|\\bthe (?:final|last) (?:scene|shot) (?:shows|reveals|is)\\b"
                    + "|\\bat the end of the (?:film|movie|story)\\b|\\bby the end of the (?:film|movie|story)\\b|\\bin the end\\b"
                    + "|\\b(?:в конце|в финале|al final|a la fin|am ende|no final|ao final|alla fine|na koncu)"), 0.35),
            new PlotRule(PhraseList.of("\\bbetrays?\\b|\\bbetraying\\b|\\bdouble cross(?:es|ed|ing)?\\b|\\bdouble agent\\b|\\b(?:traiciona|trahit|trai|verrat|tradisce|zdradza|предает)\\b"),
                    0.45),
            new PlotRule(PhraseList.of("\\bbetrayed (?:by|him|her|them)\\b|\\bframed (?:for|by)\\b"
                    + "|\\bfinally (?:kills|dies|escapes|marries|confesses|finds|learns|discovers)\\b|\\beventually (?:kills|dies|escapes|marries|confesses|finds|learns|discovers)\\b"
                    + "|\\bfinds out (?:that|who|what)\\b|\\bdiscovers (?:that|who|what)\\b|\\blearns (?:that|who)\\b|\\bescapes\\b"
                    + "|\\bwins the\\b|\\bloses (?:his|her) (?:life|wife|husband|son|daughter)\\b"
                    + "|\\b(?:descubre que|descubrimos que|descobre que|descobrimos que|decouvre que|entdeckt dass|erfahrt dass|scopre che|odkrywa ze)"), 0.2));

    private static final Pattern MARKER_AHEAD = Pattern.compile(
            "spoilers? (?:alert|ahead|warning|below|follow)|spoilers? (?:for|about|on) (?:the )?(?:\\S+ ){0,3}?(?:below|ahead|follow)|(?:may|might|will|could|does|do|can|would) (?:be|contain|have|include) "
                    + "(?:a |some |minor |major |mild |small |slight |big |a few |few )?spoilers?|contains? (?:some |minor |major |mild |a few )?spoilers?"
                    + "|[(\\[*]\\s*spoilers?\\s*[)\\]*]|^\\s*spoilers?\\s*[:!-]");
    private static final Pattern MARKER_BEHIND = Pattern.compile(
            "enough (?:of )?(?:the )?spoilers?|(?:sorry|apologies) for (?:the |any |all the )?spoilers?|end of spoilers?|spoilers? end");
    private static final Pattern DENIAL = Pattern.compile(
            "(?:no|without|free of|zero|not any|not many|few|minimal) (?:big |major |real |serious |huge |significant |important |plot |actual )?spoilers?"
                    + "|spoiler[- ]?free|(?:won't|will not|don't want to|do not want to|wouldn't|not going to|i won't) (?:spoil|give away|reveal"
                    + "|say (?:more|any more|anything more|anything else|what)|tell (?:you )?(?:more|what|how))|(?:i'll )?say no more"
                    + "|without (?:spoiling|giving (?:anything|too much|much) away|revealing)");

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
    double[] sentenceScores(List<TextAnalyser.Analysed> sentences, FilmContext film, SpoilerModel model, EngineSettings settings) {
        double[] own = ownScores(sentences, film, model, settings, null);
        return withContext(own, settings.sentenceContextWeight());
    }

    Assessment assess(String body, List<Span> spans, List<TextAnalyser.Analysed> sentences, FilmContext film, boolean authorFlag,
            SpoilerModel model, EngineSettings settings) {
        int n = sentences.size();
        List<Finding> findings = new ArrayList<>();
        SentenceNotes notes = new SentenceNotes();
        double[] own = ownScores(sentences, film, model, settings, notes);
        double[] scores = withContext(own, settings.sentenceContextWeight());

        // Warnings and denials, with the sentence each one is in.
        int aheadAt = -1;
        int behindAt = -1;
        int deniedAt = -1;
        String markerText = null;
        String denialText = null;
        int aheadEndInSentence = -1;
        for (int i = 0; i < n; i++) {
            String text = sentences.get(i).normalised();
            if (!text.contains("spoil") && !text.contains("reveal") && !text.contains("away") && !text.contains("say")
                    && !text.contains("tell")) {
                continue;
            }
            List<int[]> denials = matches(DENIAL, text);
            if (!denials.isEmpty() && deniedAt < 0) {
                deniedAt = i;
                denialText = text.substring(denials.get(0)[0], denials.get(0)[1]);
            }
            Matcher ahead = MARKER_AHEAD.matcher(text);
            while (ahead.find()) {
                if (!overlaps(ahead.start(), ahead.end(), denials) && aheadAt < 0) {
                    aheadAt = i;
                    markerText = text.substring(ahead.start(), ahead.end());
                    aheadEndInSentence = ahead.end();
                }
            }
            Matcher behind = MARKER_BEHIND.matcher(text);
            if (behind.find() && !overlaps(behind.start(), behind.end(), denials) && behindAt < 0) {
                behindAt = i;
                if (markerText == null) {
                    markerText = text.substring(behind.start(), behind.end());
                }
            }
        }
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
                    "The review says it has no big spoilers (" + SpamSignals.quote(denialText) + "), which lowers its spoiler score.", 0));
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
    private double[] ownScores(List<TextAnalyser.Analysed> sentences, FilmContext film, SpoilerModel model, EngineSettings settings,
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
                if (!sentences.get(i).words().isEmpty() && own[i] < UNSETTLED_TO && (own[i] >= UNSETTLED_FROM || aboutCharacters)) {
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
            SentenceNote note) {
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

    private static List<int[]> matches(Pattern pattern, String text) {
        List<int[]> found = new ArrayList<>(1);
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(new int[] {matcher.start(), matcher.end()});
        }
        return found;
    }

    private static boolean overlaps(int start, int end, List<int[]> ranges) {
        for (int[] range : ranges) {
            if (start < range[1] && range[0] < end) {
                return true;
            }
        }
        return false;
    }

    /** Per-sentence evidence, kept only to explain the verdict in words. */
    private static final class SentenceNote {
        List<PlotHit> hits = List.of();
        List<String> names = List.of();
        List<String> secret = List.of();
        double probability;
        double modelWeight;
    }

    private static final class SentenceNotes {
        private final List<SentenceNote> notes = new ArrayList<>();

        SentenceNote at(int i) {
            while (notes.size() <= i) {
                notes.add(new SentenceNote());
            }
            return notes.get(i);
        }

        void addFindings(List<Finding> findings, double[] scores, EngineSettings settings) {
            List<Integer> plotSentences = new ArrayList<>();
            Set<String> phrases = new LinkedHashSet<>();
            double plotWeight = 0;
            List<Integer> nameSentences = new ArrayList<>();
            Set<String> names = new LinkedHashSet<>();
            List<Integer> secretSentences = new ArrayList<>();
            Set<String> secretTerms = new LinkedHashSet<>();
            int modelSentence = -1;
            double modelWeight = 0;
            double modelProbability = 0;
            for (int i = 0; i < notes.size(); i++) {
                SentenceNote note = notes.get(i);
                if (!note.hits.isEmpty()) {
                    plotSentences.add(i + 1);
                    double clean = 1;
                    for (PlotHit hit : note.hits) {
                        phrases.add(hit.phrase());
                        clean *= 1 - hit.weight();
                    }
                    plotWeight = Math.max(plotWeight, 1 - clean);
                }
                if (!note.names.isEmpty()) {
                    nameSentences.add(i + 1);
                    names.addAll(note.names);
                }
                if (!note.secret.isEmpty()) {
                    secretSentences.add(i + 1);
                    secretTerms.addAll(note.secret);
                }
                if (note.modelWeight > modelWeight) {
                    modelWeight = note.modelWeight;
                    modelProbability = note.probability;
                    modelSentence = i + 1;
                }
            }
            if (!plotSentences.isEmpty()) {
                findings.add(new Finding(Finding.Signal.SPOILER, "spoiler.plot",
                        capitalise(sentenceList(plotSentences)) + " " + (plotSentences.size() == 1 ? "uses" : "use")
                                + " words that give the story away (" + quoteAll(phrases) + ").", plotWeight));
            }
            if (!nameSentences.isEmpty()) {
                findings.add(new Finding(Finding.Signal.SPOILER, "spoiler.names",
                        capitalise(sentenceList(nameSentences)) + " " + (nameSentences.size() == 1 ? "names" : "name") + " "
                                + String.join(", ", names) + ", who " + (names.size() == 1 ? "is" : "are")
                                + " not in the film's public synopsis.", NAME_WEIGHT));
            }
            if (!secretSentences.isEmpty()) {
                findings.add(new Finding(Finding.Signal.SPOILER, "spoiler.secret",
                        capitalise(sentenceList(secretSentences)) + " " + (secretSentences.size() == 1 ? "tells" : "tell")
                                + " what moderators marked as a spoiler of this film in earlier reviews (shared words: "
                                + String.join(", ", secretTerms) + ").", SECRET_WEIGHT));
            }
            if (modelWeight >= 0.15) {
                findings.add(new Finding(Finding.Signal.SPOILER, "spoiler.classifier",
                        String.format(Locale.ROOT, "The spoiler model rates sentence %d as likely to reveal the plot (%d%%).",
                                modelSentence, Math.round(modelProbability * 100)), modelWeight));
            }
        }

        private static String sentenceList(List<Integer> numbers) {
            List<Integer> shown = numbers.size() > 4 ? numbers.subList(0, 4) : numbers;
            StringBuilder out = new StringBuilder(numbers.size() == 1 ? "sentence " : "sentences ");
            for (int i = 0; i < shown.size(); i++) {
                if (i > 0) {
                    out.append(i == shown.size() - 1 && shown.size() == numbers.size() ? " and " : ", ");
                }
                out.append(shown.get(i));
            }
            if (shown.size() < numbers.size()) {
                out.append(" and ").append(numbers.size() - shown.size()).append(" more");
            }
            return out.toString();
        }

        private static String quoteAll(Set<String> phrases) {
            List<String> quoted = new ArrayList<>();
            for (String phrase : phrases) {
                if (quoted.size() == 3) {
                    break;
                }
                quoted.add(SpamSignals.quote(phrase));
            }
            return String.join(", ", quoted);
        }

        private static String capitalise(String text) {
            return Character.toUpperCase(text.charAt(0)) + text.substring(1);
        }
    }

    /** The film's names that its title and synopsis do not mention: saying them is going beyond what is public. */
    static final class FilmNames {

        static final FilmNames NONE = new FilmNames(Set.of(), Set.of());

        private final Set<String> hiddenNameWords;
        private final Set<String> nameWords;

        private FilmNames(Set<String> hiddenNameWords, Set<String> nameWords) {
            this.hiddenNameWords = hiddenNameWords;
            this.nameWords = nameWords;
        }

        static FilmNames of(FilmFacts film, TextAnalyser analyser) {
            if (film == null || film.names().isEmpty()) {
                return NONE;
            }
            Set<String> publicWords = new HashSet<>(analyser.analyse(film.title()).words());
            publicWords.addAll(analyser.analyse(film.synopsis()).words());
            Set<String> hidden = new HashSet<>();
            Set<String> all = new HashSet<>();
            for (String name : film.names()) {
                List<String> parts = analyser.analyse(name).words();
                for (String part : parts) {
                    if (part.length() >= 3) {
                        all.add(part);
                    }
                }
                boolean published = false;
                for (String part : parts) {
                    if (publicWords.contains(part)) {
                        published = true;
                    }
                }
                if (!published) {
                    for (String part : parts) {
                        // Short parts ("de", "van", "jr") would match ordinary words.
                        if (part.length() >= 3) {
                            hidden.add(part);
                        }
                    }
                }
            }
            return all.isEmpty() ? NONE : new FilmNames(hidden, all);
        }

        /** Whether a sentence names one of the film's characters, in the synopsis or not. */
        boolean mentions(List<String> words) {
            if (nameWords.isEmpty()) {
                return false;
            }
            for (String word : words) {
                if (nameWords.contains(word.endsWith("'s") ? word.substring(0, word.length() - 2) : word)) {
                    return true;
                }
            }
            return false;
        }

        List<String> beyondSynopsis(List<String> words) {
            if (hiddenNameWords.isEmpty()) {
                return List.of();
            }
            List<String> found = new ArrayList<>(1);
            for (String word : words) {
                String bare = word.endsWith("'s") ? word.substring(0, word.length() - 2) : word;
                if (hiddenNameWords.contains(bare) && !found.contains(capitaliseName(bare))) {
                    found.add(capitaliseName(bare));
                }
            }
            return found;
        }

        private static String capitaliseName(String word) {
            return Character.toUpperCase(word.charAt(0)) + word.substring(1);
        }
    }
}
