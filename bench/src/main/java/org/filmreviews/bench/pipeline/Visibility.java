package org.filmreviews.bench.pipeline;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.filmreviews.devinfra.launch.ApiClient;
import org.filmreviews.events.Decision;
import org.filmreviews.events.EventCodec;
import org.filmreviews.events.ReviewDecided;
import org.filmreviews.events.Topics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * When each review became final, seen from outside as a reader and a subscriber would: the catalog's live stream
 * of every film of the run says when a review is on its page (the notice is sent after the projection committed),
 * and moderation's decisions topic says which reviews will never be (held or rejected). Times are
 * {@link System#nanoTime()}, comparable with the submitters'.
 */
final class Visibility implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Long> visibleAt = new ConcurrentHashMap<>();
    private final Map<String, Long> notPublishedAt = new ConcurrentHashMap<>();
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    private final List<InputStream> streams = new ArrayList<>();

    static Visibility follow(BenchTarget target, List<String> films) throws Exception {
        Visibility visibility = new Visibility();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (String film : films) {
            InputStream first = visibility.connect(http, target, film);
            visibility.start("sse-" + film, () -> visibility.keepFollowing(http, target, film, first));
        }
        visibility.start("decisions", () -> visibility.readDecisions(target.kafkaBootstrap()));
        return visibility;
    }

    private InputStream connect(HttpClient http, BenchTarget target, String film) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(target.catalogUrl() + "/films/" + film + "/events"))
                .header("Accept", "text/event-stream").build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Cannot follow film " + film + " live: HTTP " + response.statusCode()
                    + " (a running catalog may need catalog.live.max-readers-per-client raised for the bench)");
        }
        synchronized (streams) {
            streams.add(response.body());
        }
        return response.body();
    }

    /**
     * Reads a film's live stream for as long as the bench runs. The catalog ends a stream that fell too far
     * behind (or lived its longest); like the page's own script, the bench then follows again and reads the page
     * once for what it missed meanwhile, counting those reviews visible when it sees them there.
     */
    private void keepFollowing(HttpClient http, BenchTarget target, String film, InputStream first) {
        InputStream body = first;
        while (open.get()) {
            read(body);
            if (!open.get()) {
                return;
            }
            try {
                body = connect(http, target, film);
                catchUp(target, film);
            } catch (Exception e) {
                System.err.println("Could not follow film " + film + " again: " + e);
                sleepQuietly(1000);
            }
        }
    }

    private void catchUp(BenchTarget target, String film) {
        ApiClient api = new ApiClient();
        String next = "/films/" + film + "/reviews?sort=newest&limit=100";
        while (next != null && open.get()) {
            JsonNode page = api.get(target.catalogUrl() + next, null).body();
            for (JsonNode item : page.path("items")) {
                visibleAt.putIfAbsent(item.path("id").asText(), System.nanoTime());
            }
            next = page.path("next").isTextual() ? page.path("next").asText() : null;
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void start(String name, Runnable body) {
        Thread thread = new Thread(body, "visibility-" + name);
        thread.setDaemon(true);
        thread.start();
        threads.add(thread);
    }

    private void read(InputStream body) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while (open.get() && (line = lines.readLine()) != null) {
                if (line.startsWith("data:")) {
                    JsonNode notice = JSON.readTree(line.substring(5).trim());
                    if ("published".equals(notice.path("kind").asText())) {
                        visibleAt.putIfAbsent(notice.path("reviewId").asText(), System.nanoTime());
                    }
                }
            }
        } catch (Exception e) {
            if (open.get()) {
                System.err.println("A live stream ended, following again: " + e);
            }
        }
    }

    private void readDecisions(String bootstrap) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-visibility-" + UUID.randomUUID());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config,
                new org.apache.kafka.common.serialization.StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.REVIEW_DECIDED).stream()
                    .map(p -> new TopicPartition(Topics.REVIEW_DECIDED, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            while (open.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    ReviewDecided decided = EventCodec.decode(ReviewDecided.class, record.value());
                    if (decided.decision() != Decision.PUBLISH && decided.decision() != Decision.PUBLISH_SPOILER) {
                        notPublishedAt.putIfAbsent(decided.reviewId().toString(), System.nanoTime());
                    }
                }
            }
        }
    }

    /** When the review showed on its page, or null. */
    Long visibleAt(String reviewId) {
        return visibleAt.get(reviewId);
    }

    /** Final: on its page, or decided not to be published (held for a moderator or rejected). */
    boolean isFinal(String reviewId) {
        return visibleAt.containsKey(reviewId) || notPublishedAt.containsKey(reviewId);
    }

    boolean neverPublished(String reviewId) {
        return notPublishedAt.containsKey(reviewId);
    }

    @Override
    public void close() {
        open.set(false);
        List<InputStream> all;
        synchronized (streams) {
            all = new ArrayList<>(streams);
        }
        for (InputStream stream : all) {
            try {
                stream.close();
            } catch (Exception ignored) {
                // closing is all that is left to do
            }
        }
    }
}
