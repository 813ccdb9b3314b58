package org.filmreviews.moderation.report;

import java.util.ArrayList;
import java.util.List;

/** Readers' reports of one version that wait for a moderator, per reason. */
public record ReportCounts(int spoiler, int spam, int abuse) {

    /** The reports among {@code reports} that count for {@code version}: of that version and not settled. */
    public static ReportCounts waiting(List<CaseReport> reports, long version) {
        int spoiler = 0;
        int spam = 0;
        int abuse = 0;
        for (CaseReport report : reports) {
            if (report.version != version || report.settledAt != null) {
                continue;
            }
            switch (report.reason) {
                case SPOILER -> spoiler++;
                case SPAM -> spam++;
                case ABUSE -> abuse++;
            }
        }
        return new ReportCounts(spoiler, spam, abuse);
    }

    public int total() {
        return spoiler + spam + abuse;
    }

    /** For people: "2 as a spoiler, 1 as spam"; "none" when nothing waits. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (spoiler > 0) {
            parts.add(spoiler + " as a spoiler");
        }
        if (spam > 0) {
            parts.add(spam + " as spam");
        }
        if (abuse > 0) {
            parts.add(abuse + " as abuse");
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }
}
