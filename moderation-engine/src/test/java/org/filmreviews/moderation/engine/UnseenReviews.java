package org.filmreviews.moderation.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reviews written for the project by someone who had not seen the engine's rules or training lines, labelled the
 * way a careful moderator would: {@code spam}, {@code clean} or {@code spoiler} with the plot-revealing sentences.
 * Part A may be read while improving the engine; part B is only ever scored, so that it keeps telling how the
 * engine does on reviews nobody tuned it for.
 */
public record UnseenReviews(String part, List<Row> rows) {

    enum Label {
        SPAM, CLEAN, SPOILER
    }

    /**
     * @param spoilerSentences 1-based indexes of the sentences that reveal the plot (a reader's split at . ! ?)
     * @param filmKey the film the review is about, in parts that come with their films; null in the others
     * @param film what the catalog says about that film (title, synopsis, cast), or {@link FilmFacts#UNKNOWN}
     */
    record Row(int line, Label label, Set<Integer> spoilerSentences, String text, String filmKey, FilmFacts film) {
    }

    /** How the engine did on one part. */
    public record Scorecard(String part, int spam, int spamKeptOut, int spamRejected, int clean, int cleanPublished,
            int cleanHeld,
            int cleanMarkedSpoiler, int spoiler, int spoilerMarked, int spoilerKeptOut, int revealingSentences,
            int revealingHidden, int hiddenSentences, List<String> misses) {

        public double spamRecall() {
            return ratio(spamKeptOut, spam);
        }

        public double cleanPublishedRate() {
            return ratio(cleanPublished, clean);
        }

        public double spoilerRecall() {
            return ratio(spoilerMarked, spoiler);
        }

        public double sentenceRecall() {
            return ratio(revealingHidden, revealingSentences);
        }

        public double sentencePrecision() {
            return ratio(revealingHidden, hiddenSentences);
        }

        public double accuracy() {
            return ratio(spamKeptOut + cleanPublished + spoilerMarked, spam + clean + spoiler);
        }

        private static double ratio(int part, int whole) {
            return whole == 0 ? Double.NaN : (double) part / whole;
        }

        public String report() {
            return String.format(
                    "part %s: %d reviews, right outcome %.3f%n"
                            + "  spam     %3d  kept out %.3f (rejected %d, held %d)%n"
                            + "  clean    %3d  published clean %.3f (held or rejected %d, marked spoiler %d)%n"
                            + "  spoiler  %3d  published as spoiler %.3f (kept out %d)%n"
                            + "  revealing sentences hidden %.3f (%d of %d); hidden sentences that reveal %.3f (%d of %d)",
                    part, spam + clean + spoiler, accuracy(), spam, spamRecall(), spamRejected, spamKeptOut - spamRejected,
                    clean,
                    cleanPublishedRate(), cleanHeld, cleanMarkedSpoiler, spoiler, spoilerRecall(), spoilerKeptOut,
                    sentenceRecall(),
                    revealingHidden, revealingSentences, sentencePrecision(), revealingHidden, hiddenSentences);
        }
    }

    private static final Pattern READER_SENTENCE = Pattern.compile("[^.!?]+(?:[.!?]+|$)");

    /**
     * Loads {@code unseen-<part>.tsv}. Parts written with their films ({@code film} as the first column) come with
     * {@code unseen-<part>-films.tsv}: each film's title, synopsis and cast ({@code Actor as Character; …}), which the
     * engine gets as the catalog would give them.
     */
    public static UnseenReviews load(String part) {
        List<String> lines = lines("unseen-" + part + ".tsv");
        boolean withFilms = lines.get(0).startsWith("film\t");
        Map<String, FilmFacts> films = withFilms ? films("unseen-" + part + "-films.tsv") : Map.of();
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String filmKey = null;
            if (withFilms) {
                filmKey = line.substring(0, line.indexOf('\t'));
                line = line.substring(line.indexOf('\t') + 1);
            }
            String[] columns = line.split("\t", 3);
            Set<Integer> sentences = new HashSet<>();
            if (!columns[1].equals("-")) {
                for (String index : columns[1].split(",")) {
                    sentences.add(Integer.parseInt(index.trim()));
                }
            }
            FilmFacts film = filmKey == null ? FilmFacts.UNKNOWN : films.get(filmKey);
            if (film == null) {
                throw new IllegalStateException(
                        "unseen-" + part + ".tsv line " + (i + 1) + " is about unknown film " + filmKey);
            }
            rows.add(new Row(i + 1, Label.valueOf(columns[0].trim().toUpperCase()), sentences, columns[2], filmKey, film));
        }
        return new UnseenReviews(part, rows);
    }

    private static Map<String, FilmFacts> films(String resource) {
        Map<String, FilmFacts> films = new HashMap<>();
        List<String> lines = lines(resource);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] columns = line.split("\t");
            // The characters, as moderation-service takes them from the catalog's cast (actors give nothing away).
            List<String> names = new ArrayList<>();
            for (String credit : columns[3].split(";")) {
                String[] actorAndCharacter = credit.split(" as ", 2);
                if (actorAndCharacter.length == 2) {
                    names.add(actorAndCharacter[1].strip());
                }
            }
            films.put(columns[0].strip(), new FilmFacts(columns[1].strip(), columns[2].strip(), names));
        }
        return films;
    }

    private static List<String> lines(String resource) {
        try (InputStream in = UnseenReviews.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the test resources");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Each review from its own author, as the service would see them: about the film it names with that film's facts
     * (parts with films), or about a film the engine knows nothing about (the others).
     */
    public Scorecard score(ModerationEngine engine) {
        int spam = 0, spamKeptOut = 0, spamRejected = 0, clean = 0, cleanPublished = 0, cleanHeld = 0, cleanSpoiler = 0;
        int spoiler = 0, spoilerMarked = 0, spoilerKeptOut = 0, revealing = 0, revealingHidden = 0, hidden = 0;
        List<String> misses = new ArrayList<>();
        Instant at = Instant.parse("2026-11-26T10:00:00Z");
        for (Row row : rows) {
            String filmId = row.filmKey() == null ? "unseen-film-" + row.line() : "unseen-film-" + part + "-" + row.filmKey();
            Submission submission = new Submission(part + "-" + row.line(), filmId, "author-" + part + row.line(),
                    null, row.text(), false, at.plusSeconds(row.line() * 60L));
            Verdict verdict = engine.assess(submission, row.film());
            engine.remember(submission);
            Outcome outcome = verdict.outcome();
            boolean keptOut = outcome == Outcome.HOLD || outcome == Outcome.REJECT;
            boolean right;
            switch (row.label()) {
                case SPAM -> {
                    spam++;
                    spamKeptOut += keptOut ? 1 : 0;
                    spamRejected += outcome == Outcome.REJECT ? 1 : 0;
                    right = keptOut;
                }
                case CLEAN -> {
                    clean++;
                    cleanPublished += outcome == Outcome.PUBLISH ? 1 : 0;
                    cleanHeld += keptOut ? 1 : 0;
                    cleanSpoiler += outcome == Outcome.PUBLISH_SPOILER ? 1 : 0;
                    right = outcome == Outcome.PUBLISH;
                }
                default -> {
                    spoiler++;
                    spoilerMarked += outcome == Outcome.PUBLISH_SPOILER ? 1 : 0;
                    spoilerKeptOut += keptOut ? 1 : 0;
                    right = outcome == Outcome.PUBLISH_SPOILER;
                }
            }
            List<int[]> sentences = readerSentences(row.text());
            for (int i = 0; i < sentences.size(); i++) {
                int[] sentence = sentences.get(i);
                boolean isHidden = verdict.spoilerSentences().stream()
                        .anyMatch(span -> span.start() < sentence[1] && sentence[0] < span.end());
                boolean isRevealing = row.spoilerSentences().contains(i + 1);
                revealing += isRevealing ? 1 : 0;
                hidden += isHidden ? 1 : 0;
                revealingHidden += isRevealing && isHidden ? 1 : 0;
            }
            if (!right) {
                misses.add(
                        String.format("%s:%d %s -> %s spam %.2f spoiler %.2f %s | %s", part, row.line(), row.label(), outcome,
                                verdict.spamScore(), verdict.spoilerScore(),
                                verdict.findings().stream().map(Finding::code).toList(), row.text()));
            }
        }
        return new Scorecard(part, spam, spamKeptOut, spamRejected, clean, cleanPublished, cleanHeld, cleanSpoiler, spoiler,
                spoilerMarked, spoilerKeptOut, revealing, revealingHidden, hidden, misses);
    }

    /** Character ranges of the sentences as the labeller counted them: up to and including the next . ! or ?. */
    static List<int[]> readerSentences(String text) {
        List<int[]> sentences = new ArrayList<>();
        Matcher matcher = READER_SENTENCE.matcher(text);
        while (matcher.find()) {
            if (!matcher.group().isBlank()) {
                sentences.add(new int[]{matcher.start(), matcher.end()});
            }
        }
        return sentences;
    }
}
