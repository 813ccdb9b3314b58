package org.filmreviews.systemtests.hostile;

import java.util.List;
import java.util.Map;

/**
 * Who may call what: every endpoint of the three services (the console included) against the five kinds
 * of caller. A cell is the exact refusal ({@code 401}, {@code 403}, {@code 404} where the resource hides
 * whether it exists) or {@code ok}: let through authorisation (any answer but 401 and 403, and no 5xx; the
 * requests are built so that what is let through mostly fails later, on purpose, and changes little).
 */
final class AccessMatrix {

    static final List<String> CALLERS = List.of("anonymous", "author", "reviewer", "moderator", "admin");

    static final String OK = "ok";

    /**
     * One endpoint. {@code {R}} is a published review of the author's, {@code {R2}} another of the author's,
     * {@code {ME}} the author's account id, {@code {X}} an id nothing has, {@code {F}} the seed film.
     */
    record Row(String service, String method, String path, String body, List<String> expected) {
    }

    private AccessMatrix() {
    }

    private static Row row(String service, String method, String path, String body, String... expected) {
        return new Row(service, method, path, body, List.of(expected));
    }

    static final String RS = "review-service";
    static final String MS = "moderation-service";
    static final String CS = "catalog-service";

    static final List<Row> ROWS = List.of(
            // review-service
            row(RS, "POST", "/accounts", "{\"username\": \"ab\"}", OK, OK, OK, OK, OK),
            row(RS, "POST", "/auth/token", "{\"username\": \"alice\"}", OK, OK, OK, OK, OK),
            row(RS, "GET", "/accounts/{ME}", null, "401", OK, "404", "404", OK),
            row(RS, "GET", "/me", null, "401", OK, OK, OK, OK),
            row(RS, "GET", "/me/reviews", null, "401", OK, OK, OK, OK),
            row(RS, "POST", "/films/{F}/reviews", "{\"body\": \"\"}", "401", OK, OK, "403", "403"),
            row(RS, "GET", "/films/{F}/reviews", null, "401", "403", "403", OK, OK),
            row(RS, "GET", "/reviews/{R}", null, OK, OK, OK, OK, OK),
            row(RS, "PUT", "/reviews/{R}", "{\"body\": \"Edited by someone.\"}|If-Match: \"999\"", "401", OK, "403", "403",
                    "403"),
            row(RS, "PUT", "/reviews/{R}/vote", "{\"helpful\": true}", "401", "403", OK, OK, OK),
            row(RS, "DELETE", "/reviews/{R}/vote", null, "401", "403", OK, OK, OK),
            row(RS, "POST", "/reviews/{R}/appeal", "{}", "401", OK, "403", "403", "403"),
            row(RS, "GET", "/admin/dead-letters", null, "401", "403", "403", "403", OK),
            row(RS, "GET", "/admin/outbox/parked", null, "401", "403", "403", "403", OK),
            row(RS, "POST", "/admin/outbox/parked/release", null, "401", "403", "403", "403", OK),
            row(RS, "POST", "/admin/dead-letters/no.such.topic/redrive", null, "401", "403", "403", "403", OK),
            // catalog-service
            row(CS, "GET", "/films", null, OK, OK, OK, OK, OK),
            row(CS, "GET", "/films/{F}", null, OK, OK, OK, OK, OK),
            row(CS, "GET", "/films/{F}/reviews", null, OK, OK, OK, OK, OK),
            row(CS, "GET", "/films/{F}/page", null, OK, OK, OK, OK, OK),
            row(CS, "POST", "/films", "{\"title\": \"\"}", "401", "403", "403", "403", OK),
            row(CS, "PUT", "/films/{F}", "{\"title\": \"\"}", "401", "403", "403", "403", OK),
            row(CS, "DELETE", "/films/{X}", null, "401", "403", "403", "403", OK),
            row(CS, "GET", "/admin/page-data/checksum", null, "401", "403", "403", "403", OK),
            row(CS, "GET", "/admin/dead-letters", null, "401", "403", "403", "403", OK),
            row(CS, "GET", "/admin/outbox/parked", null, "401", "403", "403", "403", OK),
            // moderation-service: the JSON API
            row(MS, "GET", "/moderation/queue", null, "401", "403", "403", OK, OK),
            row(MS, "GET", "/moderation/stats", null, "401", "403", "403", OK, OK),
            row(MS, "GET", "/moderation/reasons", null, "401", "403", "403", OK, OK),
            row(MS, "GET", "/moderation/audit?reviewId={R}", null, "401", "403", "403", OK, OK),
            row(MS, "GET", "/moderation/cases/{R}", null, "401", "403", "403", OK, OK),
            row(MS, "POST", "/moderation/cases/{X}/claim", null, "401", "403", "403", OK, OK),
            row(MS, "DELETE", "/moderation/cases/{X}/claim", null, "401", "403", "403", OK, OK),
            row(MS, "POST", "/moderation/cases/{X}/decision", "{\"decision\": \"APPROVE\"}", "401", "403", "403", OK, OK),
            row(MS, "POST", "/moderation/cases/{X}/take-down", "{\"reason\": \"abuse\"}", "401", "403", "403", OK, OK),
            row(MS, "POST", "/moderation/cases/{X}/restore", "{}", "401", "403", "403", OK, OK),
            row(MS, "GET", "/admin/dead-letters", null, "401", "403", "403", "403", OK),
            row(MS, "GET", "/admin/outbox/parked", null, "401", "403", "403", "403", OK),
            // moderation-service: the console (HTML; a bearer token is a session too)
            row(MS, "GET", "/console", null, OK, "403", "403", OK, OK),
            // the live rows of the queue page: a fragment, refused like the API when the session is not a moderator's
            row(MS, "GET", "/console/queue-rows", null, "401", "401", "401", OK, OK),
            row(MS, "GET", "/console/cases/{R}", null, OK, "403", "403", OK, OK),
            row(MS, "GET", "/console/next", null, OK, "403", "403", OK, OK),
            // the search box: anyone who is not a moderator is sent to the sign-in page
            row(MS, "GET", "/console/find?reviewId={R}", null, OK, "303", "303", OK, OK),
            row(MS, "POST", "/console/sign-out", null, OK, OK, OK, OK, OK),
            // last: these change what the rows above look at
            row(RS, "DELETE", "/reviews/{R2}", null, "401", OK, "403", "403", "403"),
            row(RS, "PUT", "/reviews/{R}/report", "{\"reason\": \"spam\"}", "401", "403", OK, OK, OK),
            row(CS, "POST", "/admin/page-data/rebuild", null, "401", "403", "403", "403", OK));

    static int cells() {
        return ROWS.size() * CALLERS.size();
    }

    static Map<String, String> placeholders(String film, String review, String otherReview, String authorId, String nothing) {
        return Map.of("{F}", film, "{R}", review, "{R2}", otherReview, "{ME}", authorId, "{X}", nothing);
    }
}
