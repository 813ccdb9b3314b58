package org.filmreviews.systemtests.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.filmreviews.devinfra.launch.ApiClient;
import org.filmreviews.devinfra.launch.LocalSystem;
import org.filmreviews.devinfra.test.EventTestClient;
import org.filmreviews.devinfra.test.ReviewTexts;
import org.filmreviews.events.EventCodec;
import org.filmreviews.events.ReviewDecided;
import org.filmreviews.events.Topics;
import org.filmreviews.systemtests.SharedSystem;
import org.filmreviews.systemtests.tracing.TraceCollector.ReceivedSpan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One review followed through the system by its trace: the client starts the trace (its own
 * {@code traceparent}), review-service's request span continues it, the outbox relay sends the submission under
 * a producer span, moderation applies it under a consumer span and sends its decision the same way, and catalog
 * applies the decision under a consumer span of that trace, all exported to a collector over OTLP. The trace's
 * {@code tracestate} and baggage travel with it into the events other teams read, and a log line written while an
 * event is applied is a JSON object naming the trace, the film and the review.
 */
class TracingIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final SecureRandom RANDOM = new SecureRandom();

    static LocalSystem system;
    static TraceCollector traces;
    static final ApiClient api = new ApiClient();
    /** A film of this test's own: the shared system's seed film page is other tests' to count. */
    static String filmId;

    @BeforeAll
    static void start() throws Exception {
        system = SharedSystem.get();
        traces = SharedSystem.traces();
        String admin = api.token(system.url("review-service"), "admin", "admin");
        ApiClient.Reply film = api.post(system.url("catalog-service") + "/films", admin,
                Map.of("title", "Traced " + UUID.randomUUID().toString().substring(0, 6), "synopsis",
                        "A winter walk across a city."));
        assertThat(film.status()).isEqualTo(201);
        filmId = film.body().get("id").asText();
        // review-service learns of the film from catalog.film-changed.v1: a first review (outside any test's trace)
        // is taken once it has, so that the traced posts below are each one request
        String token = newReviewer();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> api.post(system.url("review-service") + "/films/" + filmId + "/reviews", token,
                        Map.of("body", "Slow, cold and kind; the park at night stays with you.")).status() == 202);
    }

    private static String newReviewer() {
        String review = system.url("review-service");
        String username = "trace-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post(review + "/accounts", null,
                Map.of("username", username, "displayName", "Trace Tester", "password", "long enough")).status())
                .isEqualTo(201);
        return api.token(review, username, "long enough");
    }

    @Test
    void oneReviewsRequestItsModerationAndItsProjectionShareOneTraceAcrossTheThreeServices() throws Exception {
        String traceId = hex(16);
        String clientSpan = hex(8);
        String reviewId = postReview(traceId, clientSpan, Map.of());

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            List<ReceivedSpan> trace = traces.trace(traceId);
            ReceivedSpan request = one(trace, "review-service", "SPAN_KIND_SERVER", null);
            assertThat(request.parentSpanId()).as("the request continues the client's span").isEqualTo(clientSpan);
            ReviewDecisionPath path = new ReviewDecisionPath(trace);
            ReceivedSpan submitted = one(trace, "review-service", "SPAN_KIND_PRODUCER", "send " + Topics.REVIEW_SUBMITTED);
            assertThat(path.ancestorsOf(submitted)).as("the relay's send continues the request").contains(request.spanId());
            // A record applied in a batch that had to be split is applied again on its own, under a second span.
            ReceivedSpan moderated = childOf(trace, submitted, "moderation-service", "SPAN_KIND_CONSUMER",
                    "process " + Topics.REVIEW_SUBMITTED);
            ReceivedSpan decided = childOf(trace, moderated, "moderation-service", "SPAN_KIND_PRODUCER",
                    "send " + Topics.REVIEW_DECIDED);
            childOf(trace, decided, "catalog-service", "SPAN_KIND_CONSUMER", "process " + Topics.REVIEW_DECIDED);
        });
        assertThat(reviewId).isNotBlank();
    }

    @Test
    void theTracesStateAndBaggageReachTheDecisionOtherTeamsRead() throws Exception {
        String traceId = hex(16);
        String reviewId = postReview(traceId, hex(8),
                Map.of("tracestate", "filmreviews=tracing-it", "baggage", "test.case=tracing-it"));
        try (EventTestClient kafka = new EventTestClient(system.kafkaBootstrapServers())) {
            List<ConsumerRecord<String, byte[]>> records = kafka.read(Topics.REVIEW_DECIDED, Duration.ofSeconds(60),
                    read -> decisionOf(read, reviewId).isPresent());
            ConsumerRecord<String, byte[]> decision = decisionOf(records, reviewId).orElseThrow();
            assertThat(EventTestClient.header(decision, "traceparent")).startsWith("00-" + traceId + "-");
            assertThat(EventTestClient.header(decision, "tracestate")).isEqualTo("filmreviews=tracing-it");
            assertThat(EventTestClient.header(decision, "baggage")).contains("test.case=tracing-it");
        }
    }

    @Test
    void aLogLineAboutAnEventIsJsonWithItsTraceFilmAndReview() throws Exception {
        String traceId = hex(16);
        String eventId = UUID.randomUUID().toString();
        String reviewId = UUID.randomUUID().toString();
        // A submission moderation cannot read: it is dead-lettered, and says so in its log while applying it.
        try (EventTestClient kafka = new EventTestClient(system.kafkaBootstrapServers())) {
            kafka.send(Topics.REVIEW_SUBMITTED, filmId, Map.of("ce_id", eventId, "ce_type", "reviews.review.submitted.v1",
                    "ce_source", "/review-service", "ce_specversion", "1.0", "ce_subject", reviewId,
                    "traceparent", "00-" + traceId + "-" + hex(8) + "-01"),
                    "{\"reviewId\": ".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Path log = system.instance("moderation-service", 1).logFile();
        JsonNode line = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            try (var lines = Files.lines(log)) {
                return lines.filter(text -> text.contains(eventId) && text.contains("Dead-lettered")).findFirst()
                        .map(TracingIT::json).orElse(null);
            }
        }, java.util.Objects::nonNull);
        assertThat(line.get("level").asText()).isEqualTo("WARN");
        JsonNode context = line.get("mdc");
        assertThat(context.get("traceId").asText()).as("the consumer span continues the record's trace").isEqualTo(traceId);
        assertThat(context.get("spanId").asText()).hasSize(16);
        assertThat(context.get("filmId").asText()).isEqualTo(filmId);
        assertThat(context.get("reviewId").asText()).isEqualTo(reviewId);
        assertThat(context.get("eventId").asText()).isEqualTo(eventId);
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (java.io.IOException notJson) {
            throw new AssertionError("Not a JSON log line: " + line, notJson);
        }
    }

    private static Optional<ConsumerRecord<String, byte[]>> decisionOf(List<ConsumerRecord<String, byte[]>> records,
            String reviewId) {
        return records.stream()
                .filter(r -> EventCodec.decode(ReviewDecided.class, r.value()).reviewId().toString().equals(reviewId))
                .findFirst();
    }

    /** A new reviewer posts a clean review of the test's film inside the given trace; returns the review id. */
    private static String postReview(String traceId, String parentSpan, Map<String, String> headers) throws Exception {
        String review = system.url("review-service");
        String token = newReviewer();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(review + "/films/" + filmId + "/reviews"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-" + parentSpan + "-01")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("rating", 8, "headline", "Followed",
                        "body", ReviewTexts.next(new java.util.Random(), 30, 10)))));
        headers.forEach(request::header);
        HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        JsonNode body = JSON.readTree(answer.body());
        return body.get("id").asText();
    }

    private static ReceivedSpan one(List<ReceivedSpan> trace, String service, String kind, String name) {
        List<ReceivedSpan> found = trace.stream()
                .filter(span -> span.service().equals(service) && span.kind().equals(kind)
                        && (name == null || span.name().equals(name)))
                .toList();
        assertThat(found).as("%s %s %s in %s", service, kind, name, trace).hasSize(1);
        return found.get(0);
    }

    /** The span of that service, kind and name whose parent is {@code parent} (there may be others without). */
    private static ReceivedSpan childOf(List<ReceivedSpan> trace, ReceivedSpan parent, String service, String kind,
            String name) {
        List<ReceivedSpan> found = trace.stream()
                .filter(span -> span.service().equals(service) && span.kind().equals(kind) && span.name().equals(name)
                        && span.parentSpanId().equals(parent.spanId()))
                .toList();
        assertThat(found).as("%s %s %s under %s in %s", service, kind, name, parent.name(), trace).isNotEmpty();
        return found.get(found.size() - 1);
    }

    private static String hex(int bytes) {
        byte[] id = new byte[bytes];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    /** Parent links of one trace. */
    private record ReviewDecisionPath(List<ReceivedSpan> trace) {
        List<String> ancestorsOf(ReceivedSpan span) {
            java.util.ArrayList<String> ancestors = new java.util.ArrayList<>();
            String parent = span.parentSpanId();
            while (parent != null && !parent.isEmpty() && !ancestors.contains(parent)) {
                ancestors.add(parent);
                String current = parent;
                parent = trace.stream().filter(s -> s.spanId().equals(current)).map(ReceivedSpan::parentSpanId).findFirst()
                        .orElse(null);
            }
            return ancestors;
        }
    }
}
