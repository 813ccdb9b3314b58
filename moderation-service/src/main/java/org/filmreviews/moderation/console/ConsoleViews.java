package org.filmreviews.moderation.console;

import java.text.BreakIterator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.filmreviews.events.Decision;
import org.filmreviews.moderation.audit.AuditEntry;
import org.filmreviews.moderation.cases.CaseReason;
import org.filmreviews.moderation.cases.CaseSpan;
import org.filmreviews.moderation.cases.ModerationCase;
import org.filmreviews.moderation.engine.EffectiveThresholds;
import org.filmreviews.moderation.queue.CaseFile;
import org.filmreviews.moderation.queue.QueueFacets;
import org.filmreviews.moderation.queue.QueueStatistics;
import org.filmreviews.moderation.queue.rest.ReasonResponse;

/**
 * What the console pages show, already in words and numbers for people. The templates only place these
 * values; Qute escapes every one of them (review text included), so nothing here is HTML.
 */
public final class ConsoleViews {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private ConsoleViews() {
    }

    public record QueuePage(String user, Filters filters, List<Option> films, List<Option> reasonCodes, List<QueueRow> rows,
            String nextLink, StatsView stats, String notice, long refreshMillis) {
    }

    /** An entry of a drop-down. */
    public record Option(String value, String label, boolean selected) {
    }

    /** The filter form as the moderator filled it in; {@code query} repeats it for links. */
    public record Filters(String filmId, String reason, String minSpam, String minSpoiler, String appeal, String reported,
            String query) {

        public boolean appealsOnly() {
            return "true".equals(appeal);
        }

        public boolean heldOnly() {
            return "false".equals(appeal);
        }

        public boolean reportedOnly() {
            return "true".equals(reported);
        }
    }

    public record QueueRow(String reviewId, String filmTitle, String author, String excerpt, boolean appeal, boolean reported,
            String waited, String queuedAt, String spam, String spoiler, String reasons, String claimedBy, boolean mine) {
    }

    public record StatsView(long size, long appeals, String oldestAge, long myVerdictsToday, String overturnRate,
            long decisionsLearned, long lessonsPending, List<ThresholdLine> thresholds, boolean thresholdsLearning) {
    }

    /** One of the engine's thresholds as moderators see it: what it is, what it was set to, and why it moved. */
    public record ThresholdLine(String id, String label, String value, String configured, boolean learned, String reason) {
    }

    public record CasePage(String user, CaseView c, List<AuditLine> audit, List<ReasonResponse> reasons, long queueSize) {
    }

    public record CaseView(String reviewId, long version, String filmId, String filmTitle, String author, String authorUsername,
            long otherReviews, long rejected, String rating, String headline, List<Segment> segments, boolean authorSpoiler,
            String submittedAt, String machineOutcome, String engineVersion, int spamPercent, int spoilerPercent,
            List<ReasonLine> reasons, int spoilerSentenceCount, String outcome, String decidedBy, String decidedAt,
            boolean open,
            boolean appeal, String appealMessage, String appealedAt, String claimedBy, String claimedUntil, boolean published,
            boolean takenDown, boolean withdrawn, String note, boolean reported, String reportedAt, String waitingReports,
            List<ReportLine> reports) {

        public boolean canDecide() {
            return open && !withdrawn;
        }

        public boolean canTakeDown() {
            return published && !open && !withdrawn;
        }

        public boolean canRestore() {
            return takenDown && !open && !withdrawn;
        }
    }

    /**
     * A piece of the body: a sentence, or the part of one that a spoiler span covers.
     *
     * @param spoiler the engine found it to be a spoiler
     * @param chosen hidden behind "show spoiler": proposed (the engine's choice) while the case waits,
     *     as published once decided
     */
    public record Segment(int start, int end, String text, boolean spoiler, boolean chosen) {
    }

    public record ReasonLine(String signal, String code, String message, int percent) {
    }

    /** A reader's report as the case page lists it; {@code settled} once a moderator's verdict answered it. */
    public record ReportLine(String reason, String reporter, String note, String at, long version, boolean settled) {
    }

    public record AuditLine(String at, String action, String actor, String decision, String reason, String engineVersion,
            String overturned, boolean appeal) {
    }

    static List<Option> films(QueueFacets facets, String selected) {
        return facets.films().stream().map(f -> new Option(f.filmId().toString(),
                (f.title() == null ? "Film " + f.filmId() : f.title()) + " (" + f.cases() + ")",
                f.filmId().toString().equals(selected))).toList();
    }

    static List<Option> reasonCodes(QueueFacets facets, String selected) {
        List<String> codes = new ArrayList<>(facets.reasonCodes());
        if (selected != null && !selected.isEmpty() && !codes.contains(selected)) {
            codes.add(selected); // keep a filter that matches nothing any more visible
        }
        return codes.stream().map(code -> new Option(code, code, code.equals(selected))).toList();
    }

    static QueueRow row(CaseFile file, String user, Instant now) {
        ModerationCase c = file.subject();
        boolean claimed = c.claimedBy != null && c.claimedUntil != null && c.claimedUntil.isAfter(now);
        return new QueueRow(c.reviewId.toString(), titleOf(file), c.authorDisplayName, excerpt(c), c.appeal, c.reported,
                ago(c.queuedAt, now), time(c.queuedAt), percent(c.spamScore) + "%", percent(c.spoilerScore) + "%",
                String.join(", ", c.reasons.stream().map(CaseReason::code).toList()), claimed ? c.claimedBy : null,
                claimed && c.claimedBy.equals(user));
    }

    static StatsView stats(QueueStatistics.Snapshot s, String user) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long mine = s.decisionsPerModeratorPerDay().stream()
                .filter(d -> d.moderator().equals(user) && d.day().equals(today))
                .mapToLong(QueueStatistics.ModeratorDay::decisions).sum();
        return new StatsView(s.queueSize(), s.appeals(), s.oldestAge() == null ? "–" : duration(s.oldestAge()), mine,
                s.overturnRate() == null ? "–" : Math.round(s.overturnRate() * 100) + "% of " + s.machineDecisionsReviewed(),
                s.decisionsLearned(), s.lessonsPending(), thresholdLines(s.thresholds()), s.thresholds().learning());
    }

    /** The three thresholds moderators' decisions can move, in the order a review meets them. */
    static List<ThresholdLine> thresholdLines(EffectiveThresholds t) {
        return List.of(
                line("reject-spam", "rejects as spam from", t.thresholds().rejectSpam(), t.configured().rejectSpam(),
                        t.rejectSpam()),
                line("hold-spam", "holds for you from", t.thresholds().holdSpam(), t.configured().holdSpam(), t.holdSpam()),
                line("spoiler", "warns of spoilers from", t.thresholds().spoiler(), t.configured().spoiler(), t.spoiler()));
    }

    private static ThresholdLine line(String id, String label, double value, double configured,
            EffectiveThresholds.Basis basis) {
        return new ThresholdLine(id, label, percent(value) + "%", percent(configured) + "%", value != configured,
                basis.reason());
    }

    static CaseView caseView(CaseFile file, Instant now) {
        ModerationCase c = file.subject();
        boolean claimed = c.claimedBy != null && c.claimedUntil != null && c.claimedUntil.isAfter(now);
        return new CaseView(c.reviewId.toString(), c.version, c.filmId.toString(), titleOf(file), c.authorDisplayName,
                c.authorUsername, file.author().otherReviews(), file.author().rejected(),
                c.rating == null ? "no rating" : c.rating + "/10", c.headline,
                segments(c.body, c.spoilerSentences, hiddenBy(c)),
                c.authorSpoiler, time(c.submittedAt), c.machineOutcome.name(), c.engineVersion, percent(c.spamScore),
                percent(c.spoilerScore),
                c.reasons.stream().map(r -> new ReasonLine(r.signal().toLowerCase(Locale.ROOT), r.code(), r.message(),
                        percent(r.weight()))).toList(),
                c.spoilerSentences.size(), c.outcome.name(), c.decidedBy, time(c.decidedAt), c.open, c.appeal,
                c.appealMessage, time(c.appealedAt), claimed ? c.claimedBy : null, claimed ? time(c.claimedUntil) : null,
                c.outcome.published(), c.takenDownFrom != null, c.withdrawnAt != null, c.note, c.reported, time(c.reportedAt),
                file.waitingReports().describe(), file.reports().stream().map(r -> new ReportLine(
                        r.reason.name().toLowerCase(Locale.ROOT), r.reporterUsername, r.note, time(r.reportedAt), r.version,
                        r.settledAt != null)).toList());
    }

    static AuditLine auditLine(AuditEntry e) {
        return new AuditLine(time(e.at), e.action.name(), e.actor, e.decision == null ? "" : e.decision.name(),
                e.reason == null ? "" : e.reason, e.engineVersion,
                e.overturned == null ? "" : e.overturned ? "overturned" : "confirmed", e.appeal);
    }

    /**
     * The body cut at sentence ends and at the edges of the engine's spoiler spans, so that each piece is
     * either wholly a spoiler or not, and a moderator can pick sentences to hide.
     */
    private static List<CaseSpan> hiddenBy(ModerationCase c) {
        if (c.open) {
            return c.spoilerSentences;
        }
        return c.outcome == Decision.PUBLISH_SPOILER ? c.publishedSpoilerSentences() : List.of();
    }

    static List<Segment> segments(String body, List<CaseSpan> spoilers, List<CaseSpan> hidden) {
        TreeSet<Integer> cuts = new TreeSet<>();
        cuts.add(0);
        cuts.add(body.length());
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        sentences.setText(body);
        for (int end = sentences.next(); end != BreakIterator.DONE; end = sentences.next()) {
            cuts.add(end);
        }
        for (List<CaseSpan> spans : List.of(spoilers, hidden)) {
            for (CaseSpan span : spans) {
                cuts.add(Math.max(0, Math.min(body.length(), span.start())));
                cuts.add(Math.max(0, Math.min(body.length(), span.end())));
            }
        }
        List<Segment> segments = new ArrayList<>();
        Integer previous = null;
        for (int cut : cuts) {
            if (previous != null && cut > previous) {
                int start = previous;
                boolean spoiler = spoilers.stream().anyMatch(s -> s.start() <= start && cut <= s.end());
                boolean chosen = hidden.stream().anyMatch(s -> s.start() <= start && cut <= s.end());
                segments.add(new Segment(start, cut, body.substring(start, cut), spoiler, chosen));
            }
            previous = cut;
        }
        return segments;
    }

    private static String titleOf(CaseFile file) {
        return file.filmTitle() == null ? "Film " + file.subject().filmId : file.filmTitle();
    }

    private static String excerpt(ModerationCase c) {
        String text = c.headline == null || c.headline.isBlank() ? c.body : c.headline + " — " + c.body;
        text = text.replaceAll("\\s+", " ").strip();
        return text.length() <= 160 ? text : text.substring(0, 159) + "…";
    }

    private static int percent(double score) {
        return (int) Math.round(Math.max(0, Math.min(1, score)) * 100);
    }

    static String time(Instant at) {
        return at == null ? null : TIME.format(at);
    }

    private static String ago(Instant at, Instant now) {
        return at == null ? "" : duration(Duration.between(at, now));
    }

    static String duration(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + " h " + (seconds % 3600) / 60 + " min";
        }
        return seconds / 86_400 + " d " + (seconds % 86_400) / 3600 + " h";
    }
}
