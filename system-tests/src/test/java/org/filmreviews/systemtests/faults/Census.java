package org.filmreviews.systemtests.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.filmreviews.devinfra.test.EventTestClient;
import org.filmreviews.events.CloudEventHeaders;
import org.filmreviews.events.EventCodec;
import org.filmreviews.events.ReviewDecided;
import org.filmreviews.events.ReviewSubmitted;
import org.filmreviews.events.Topics;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Counts, per posted review, what became of it: accepted, a final status at review-service, on its film
 * page when published, and how many distinct events announced its submission and its machine decision
 * (exactly one each; copies of one event, same ce_id, are redelivery and fine).
 */
final class Census {

    static final Set<String> FINAL = new HashSet<>(List.of("PUBLISHED", "PUBLISHED_SPOILER", "REJECTED", "IN_REVIEW"));
    static final Set<String> PUBLIC = new HashSet<>(List.of("PUBLISHED", "PUBLISHED_SPOILER"));

    private Census() {
    }

    static FaultTable.Row count(String fault, List<ReviewStream.Posted> posted, Cast cast, String kafka, Duration settle,
            List<String> notes) throws InterruptedException {
        long deadline = System.nanoTime() + settle.toNanos();
        List<ReviewStream.Posted> accepted = posted.stream().filter(ReviewStream.Posted::accepted).toList();

        Map<String, String> status = new HashMap<>();
        while (true) {
            for (ReviewStream.Posted review : accepted) {
                if (!FINAL.contains(status.get(review.id))) {
                    Http.Reply reply = Http.get(cast.reviewUrl + "/reviews/" + review.id, review.token());
                    if (reply.status() == 200) {
                        status.put(review.id, reply.body().get("status").asText());
                    }
                }
            }
            if (accepted.stream().allMatch(r -> FINAL.contains(status.get(r.id))) || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(1000);
        }

        List<ReviewStream.Posted> published = accepted.stream().filter(r -> PUBLIC.contains(status.get(r.id))).toList();
        Map<String, Long> onPage;
        while (true) {
            onPage = pageCounts(cast, published.stream().map(r -> r.pair.filmId()).collect(Collectors.toSet()));
            Map<String, Long> seen = onPage;
            if (published.stream().allMatch(r -> seen.containsKey(r.id)) || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(1000);
        }

        Set<String> ids = accepted.stream().map(r -> r.id).collect(Collectors.toSet());
        Map<String, Set<String>> submitted = distinctEvents(kafka, Topics.REVIEW_SUBMITTED, ids, record -> {
            ReviewSubmitted event = EventCodec.decode(ReviewSubmitted.class, record.value());
            return event.version() == 1;
        });
        Map<String, Set<String>> decided = distinctEvents(kafka, Topics.REVIEW_DECIDED, ids, record -> {
            ReviewDecided event = EventCodec.decode(ReviewDecided.class, record.value());
            return event.version() == 1 && event.decidedBy().startsWith("engine/");
        });

        int finals = 0;
        int shown = 0;
        int lost = 0;
        int duplicated = 0;
        List<String> problems = new ArrayList<>();
        for (ReviewStream.Posted review : accepted) {
            boolean isFinal = FINAL.contains(status.get(review.id));
            boolean isPublic = PUBLIC.contains(status.get(review.id));
            long copiesOnPage = onPage.getOrDefault(review.id, 0L);
            int submissions = submitted.getOrDefault(review.id, Set.of()).size();
            int decisions = decided.getOrDefault(review.id, Set.of()).size();
            finals += isFinal ? 1 : 0;
            shown += isPublic && copiesOnPage > 0 ? 1 : 0;
            if (!isFinal || isPublic && copiesOnPage == 0 || submissions == 0 || decisions == 0) {
                lost++;
                problems.add(
                        review.id + ": status " + status.get(review.id) + ", on page " + copiesOnPage + ", submitted events "
                                + submissions + ", machine decisions " + decisions);
            } else if (submissions > 1 || decisions > 1 || copiesOnPage > 1) {
                duplicated++;
                problems.add(review.id + ": submitted events " + submissions + ", machine decisions " + decisions + ", on page "
                        + copiesOnPage);
            }
        }
        int refused = (int) posted.stream().filter(r -> !r.accepted()).count();
        if (refused > 0) {
            problems.add(refused + " never accepted, e.g. HTTP " + posted.stream().filter(r -> !r.accepted()).findFirst()
                    .map(r -> r.lastStatus + " " + r.lastAnswer).orElse(""));
        }
        return new FaultTable.Row(fault, posted.size(), accepted.size(), finals, shown, lost, duplicated, notes, problems);
    }

    /** How often each review id appears on its film's pages (all sort orders agree on the set; newest is used). */
    static Map<String, Long> pageCounts(Cast cast, Set<String> films) {
        Map<String, Long> counts = new HashMap<>();
        for (String film : films) {
            String next = "/films/" + film + "/reviews?limit=100";
            while (next != null) {
                Http.Reply page = Http.get(cast.catalogUrl + next, null);
                if (page.status() != 200) {
                    break;
                }
                for (JsonNode item : page.body().get("items")) {
                    counts.merge(item.get("id").asText(), 1L, Long::sum);
                }
                JsonNode link = page.body().get("next");
                next = link == null || link.isNull() ? null : link.asText();
            }
        }
        return counts;
    }

    /** The distinct event ids ({@code ce_id}) per review that {@code which} picks, read from the beginning of a topic. */
    static Map<String, Set<String>> distinctEvents(String kafka, String topic, Set<String> reviewIds,
            java.util.function.Predicate<ConsumerRecord<String, byte[]>> which) {
        Map<String, Set<String>> events = new HashMap<>();
        try (EventTestClient client = new EventTestClient(kafka)) {
            List<ConsumerRecord<String, byte[]>> records = client.read(topic, Duration.ofSeconds(30), read -> {
                Set<String> seen = new HashSet<>();
                read.forEach(r -> seen.add(EventTestClient.header(r, CloudEventHeaders.SUBJECT)));
                return seen.containsAll(reviewIds);
            });
            for (ConsumerRecord<String, byte[]> record : records) {
                String subject = EventTestClient.header(record, CloudEventHeaders.SUBJECT);
                if (reviewIds.contains(subject) && which.test(record)) {
                    events.computeIfAbsent(subject, s -> new HashSet<>())
                            .add(EventTestClient.header(record, CloudEventHeaders.ID));
                }
            }
        }
        return events;
    }
}
