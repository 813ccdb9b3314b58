package org.filmreviews.systemtests.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.filmreviews.devinfra.launch.LocalSystem;
import org.filmreviews.devinfra.test.EventTestClient;
import org.filmreviews.events.CloudEventHeaders;
import org.filmreviews.events.EventCodec;
import org.filmreviews.events.ReviewSubmitted;
import org.filmreviews.events.Topics;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Rounds of everyone acting on one published review at once through the public APIs: its author edits
 * it three times (and in every other round withdraws it), readers vote, change and take back their
 * votes, and a moderator takes it down and restores it. Afterwards the three services must agree: the
 * tallies equal the vote rows, review-service's status is moderation's decision on the current
 * version, the catalog shows the review exactly when review-service says a version of it is on the
 * page, with the same counts, and no version was announced twice.
 */
final class Concurrency {

    private final LocalSystem system;
    private final Cast cast;
    private final Scale scale;
    private final Random random = new Random(13);

    Concurrency(LocalSystem system, Cast cast, Scale scale) {
        this.system = system;
        this.cast = cast;
        this.scale = scale;
    }

    FaultTable.Row run() throws Exception {
        List<String> problems = new ArrayList<>();
        List<String> reviews = new ArrayList<>();
        int agreed = 0;
        int shown = 0;
        int actions = 0;
        ExecutorService actors = Executors.newFixedThreadPool(scale.voters() + 2);
        try {
            for (int round = 0; round < scale.rounds(); round++) {
                Cast.Pair pair = cast.nextPair();
                String id = publishedReview(pair);
                reviews.add(id);
                List<Future<Integer>> acting = new ArrayList<>();
                boolean withdraw = round % 2 == 1;
                acting.add(actors.submit(() -> author(pair, id, withdraw)));
                acting.add(actors.submit(() -> moderator(id)));
                List<Cast.Reviewer> voters = cast.reviewers.stream().filter(r -> r != pair.reviewer()).limit(scale.voters())
                        .toList();
                for (Cast.Reviewer voter : voters) {
                    acting.add(actors.submit(() -> voter(voter, id)));
                }
                for (Future<Integer> actor : acting) {
                    actions += actor.get(120, TimeUnit.SECONDS);
                }
                String disagreement = awaitAgreement(pair, id, scale.settle());
                if (disagreement == null) {
                    agreed++;
                    shown += onPage(pair.filmId(), id) != null ? 1 : 0;
                } else {
                    problems.add(id + ": " + disagreement);
                }
            }
        } finally {
            actors.shutdownNow();
        }
        int duplicated = versionsAnnouncedTwice(reviews);
        if (duplicated > 0) {
            problems.add(duplicated + " reviews had a version announced twice on " + Topics.REVIEW_SUBMITTED);
        }
        return new FaultTable.Row("concurrent edits, votes, withdrawals and moderator actions on one review, " + scale.rounds()
                + " rounds", reviews.size(), reviews.size(), agreed, shown, reviews.size() - agreed, duplicated,
                List.of(actions
                        + " concurrent requests; tallies equal the vote rows and the three services agree in every round"),
                problems);
    }

    private String publishedReview(Cast.Pair pair) throws InterruptedException {
        Http.Reply posted = Http.send("POST", cast.reviewUrl + "/films/" + pair.filmId() + "/reviews", pair.reviewer().token(),
                Map.of(), Map.of("rating", 7, "body", cast.reviewText()));
        Cast.require(posted, 202);
        String id = posted.body().get("id").asText();
        for (int i = 0; i < 120; i++) {
            String status = status(pair, id);
            if ("PUBLISHED".equals(status)) {
                return id;
            }
            if ("IN_REVIEW".equals(status)) {
                Http.send("POST", cast.moderationUrl + "/moderation/cases/" + id + "/decision", cast.moderatorToken, Map.of(),
                        Map.of("decision", "APPROVE"));
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Review " + id + " was not published within a minute");
    }

    private int author(Cast.Pair pair, String id, boolean withdraw) throws InterruptedException {
        int requests = 0;
        for (int edit = 0; edit < 3; edit++) {
            pause(300);
            Http.send("PUT", cast.reviewUrl + "/reviews/" + id, pair.reviewer().token(), Map.of(),
                    Map.of("rating", 1 + random(10), "body", cast.reviewText()));
            requests++;
        }
        if (withdraw) {
            pause(300);
            Http.send("DELETE", cast.reviewUrl + "/reviews/" + id, pair.reviewer().token(), Map.of(), null);
            requests++;
        }
        return requests;
    }

    private int moderator(String id) throws InterruptedException {
        pause(400);
        Http.send("POST", cast.moderationUrl + "/moderation/cases/" + id + "/take-down", cast.moderatorToken, Map.of(),
                Map.of("reason", "off-topic", "note", "Checking something."));
        pause(400);
        Http.send("POST", cast.moderationUrl + "/moderation/cases/" + id + "/restore", cast.moderatorToken, Map.of(),
                Map.of("note", "It was fine."));
        return 2;
    }

    private int voter(Cast.Reviewer voter, String id) throws InterruptedException {
        int requests = 0;
        for (int i = 0; i < 3; i++) {
            pause(250);
            int choice = random(3);
            if (choice == 2) {
                Http.send("DELETE", cast.reviewUrl + "/reviews/" + id + "/vote", voter.token(), Map.of(), null);
            } else {
                Http.send("PUT", cast.reviewUrl + "/reviews/" + id + "/vote", voter.token(), Map.of(),
                        Map.of("helpful", choice == 0));
            }
            requests++;
        }
        return requests;
    }

    /** Null once the three services agree about the review; else what disagrees, after {@code timeout}. */
    private String awaitAgreement(Cast.Pair pair, String id, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String disagreement;
        do {
            disagreement = disagreement(pair, id);
            if (disagreement == null) {
                return null;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        return disagreement;
    }

    private String disagreement(Cast.Pair pair, String id) throws Exception {
        ReviewRow review = reviewRow(id);
        if (review.helpful != review.helpfulRows || review.notHelpful != review.notHelpfulRows) {
            return "tally " + review.helpful + "/" + review.notHelpful + " but vote rows " + review.helpfulRows + "/"
                    + review.notHelpfulRows;
        }
        Http.Reply caseReply = Http.get(cast.moderationUrl + "/moderation/cases/" + id, cast.moderatorToken);
        if (caseReply.status() != 200) {
            return "moderation answered " + caseReply.status();
        }
        JsonNode moderated = caseReply.body();
        JsonNode shown = onPage(pair.filmId(), id);
        if (review.status.equals("WITHDRAWN")) {
            if (moderated.get("withdrawnAt").isNull()) {
                return "withdrawn at review-service, not at moderation";
            }
            return shown == null ? null : "withdrawn but on the film page";
        }
        if (moderated.get("version").asLong() != review.version) {
            return "review-service at version " + review.version + ", moderation at " + moderated.get("version").asLong();
        }
        String expected = switch (moderated.get("outcome").asText()) {
            case "PUBLISH" -> "PUBLISHED";
            case "PUBLISH_SPOILER" -> "PUBLISHED_SPOILER";
            case "REJECT" -> "REJECTED";
            default -> "IN_REVIEW";
        };
        if (!expected.equals(review.status)) {
            return "review-service says " + review.status + ", moderation decided " + moderated.get("outcome").asText();
        }
        if ((shown != null) != review.onPage) {
            return "on the film page: catalog " + (shown != null) + ", review-service " + review.onPage;
        }
        if (shown != null
                && (shown.get("helpful").asInt() != review.helpful || shown.get("notHelpful").asInt() != review.notHelpful)) {
            return "the page counts " + shown.get("helpful") + "/" + shown.get("notHelpful") + ", review-service "
                    + review.helpful + "/"
                    + review.notHelpful;
        }
        return null;
    }

    private record ReviewRow(String status, long version, boolean onPage, int helpful, int notHelpful, long helpfulRows,
            long notHelpfulRows) {
    }

    /** review-service's row and vote rows, read from its database (the tallies against the rows they count). */
    private ReviewRow reviewRow(String id) throws Exception {
        String url = system.postgres().jdbcUrl(LocalSystem.databaseOf("review-service"));
        try (Connection db = DriverManager.getConnection(url, system.postgres().username(), system.postgres().password());
                PreparedStatement query = db
                        .prepareStatement("SELECT status, version, on_page, helpful_votes, not_helpful_votes,"
                                + " (SELECT count(*) FROM review_vote v WHERE v.review_id = r.id AND v.helpful),"
                                + " (SELECT count(*) FROM review_vote v WHERE v.review_id = r.id AND NOT v.helpful)"
                                + " FROM review r WHERE id = ?::uuid")) {
            query.setString(1, id);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return new ReviewRow(rs.getString(1), rs.getLong(2), rs.getBoolean(3), rs.getInt(4), rs.getInt(5),
                        rs.getLong(6),
                        rs.getLong(7));
            }
        }
    }

    private JsonNode onPage(String filmId, String id) {
        String next = "/films/" + filmId + "/reviews?limit=100";
        while (next != null) {
            Http.Reply page = Http.get(cast.catalogUrl + next, null);
            for (JsonNode item : page.body().get("items")) {
                if (id.equals(item.get("id").asText())) {
                    return item;
                }
            }
            JsonNode link = page.body().get("next");
            next = link == null || link.isNull() ? null : link.asText();
        }
        return null;
    }

    private String status(Cast.Pair pair, String id) {
        Http.Reply reply = Http.get(cast.reviewUrl + "/reviews/" + id, pair.reviewer().token());
        return reply.status() == 200 ? reply.body().get("status").asText() : null;
    }

    /** Reviews with one version announced by two different events (two ce_ids for one review and version). */
    private int versionsAnnouncedTwice(List<String> reviews) {
        Map<String, Set<String>> eventsPerVersion = new HashMap<>();
        try (EventTestClient kafka = new EventTestClient(system.kafkaBootstrapServers())) {
            for (ConsumerRecord<String, byte[]> record : kafka.read(Topics.REVIEW_SUBMITTED, Duration.ofSeconds(10),
                    read -> false)) {
                String subject = EventTestClient.header(record, CloudEventHeaders.SUBJECT);
                if (reviews.contains(subject)) {
                    long version = EventCodec.decode(ReviewSubmitted.class, record.value()).version();
                    eventsPerVersion.computeIfAbsent(subject + "@" + version, k -> new HashSet<>())
                            .add(EventTestClient.header(record, CloudEventHeaders.ID));
                }
            }
        }
        return (int) eventsPerVersion.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey().split("@")[0])
                .distinct().count();
    }

    private synchronized int random(int bound) {
        return random.nextInt(bound);
    }

    private void pause(int maxMillis) throws InterruptedException {
        Thread.sleep(random(maxMillis));
    }
}
