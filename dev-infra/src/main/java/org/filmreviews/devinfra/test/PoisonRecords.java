package org.filmreviews.devinfra.test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.filmreviews.events.CloudEventHeaders;
import org.filmreviews.events.EventType;

/**
 * Records no consumer can ever process, of the {@link #KINDS} kinds a producer gets wrong (or an intruder
 * tries): a value that is not JSON, a type the topic does not carry, no event id, a payload that breaks the
 * schema, a payload of a newer contract version on the old topic, and a valid event from a source that does
 * not own its type. Each has a key of its own, so that it can be found in a dead-letter topic (one of them
 * has no {@code ce_id}).
 */
public final class PoisonRecords {

    /** One poison record and the words its dead-letter reason must contain. */
    public record Poison(String kind, String topic, String key, Map<String, String> headers, byte[] value, String reason) {
    }

    /** How many poison records {@link #of} makes for each type. */
    public static final int KINDS = 6;

    private PoisonRecords() {
    }

    public static List<Poison> of(EventType type) {
        String topic = type.topic();
        String v2 = type.ceType().replaceFirst("v1$", "v2");
        String owner = type.source();
        return List.of(
                poison("malformed JSON", topic, headers(UUID.randomUUID().toString(), type.ceType(), owner), "{\"reviewId\": ",
                        "not JSON"),
                poison("unknown ce_type", topic, headers(UUID.randomUUID().toString(), "org.example.unknown.v1", owner), "{}",
                        "Expected ce_type"),
                poison("missing ce_id", topic, headers(null, type.ceType(), owner), "{}", "without a ce_id"),
                poison("schema-invalid payload", topic, headers(UUID.randomUUID().toString(), type.ceType(), owner),
                        "{\"reviewId\": 12}",
                        "breaks its schema"),
                poison("v2 payload", topic, headers(UUID.randomUUID().toString(), v2, owner),
                        "{\"id\": \"" + UUID.randomUUID() + "\", \"schema\": 2, \"data\": {}}", "Expected ce_type"),
                // well-formed, but not from the service that owns the type: anyone who can reach the broker could send it
                poison("another service's ce_source", topic, headers(UUID.randomUUID().toString(), type.ceType(), "/intruder"),
                        "{}",
                        "Expected ce_source"));
    }

    /** Sends them all with a plain producer. */
    public static void send(EventTestClient kafka, List<Poison> poisons) {
        for (Poison poison : poisons) {
            kafka.send(poison.topic(), poison.key(), poison.headers(), poison.value());
        }
    }

    private static Map<String, String> headers(String id, String ceType, String source) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (id != null) {
            headers.put(CloudEventHeaders.ID, id);
        }
        headers.put(CloudEventHeaders.TYPE, ceType);
        headers.put(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        headers.put(CloudEventHeaders.SOURCE, source);
        headers.put(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return headers;
    }

    private static Poison poison(String kind, String topic, Map<String, String> headers, String value, String reason) {
        return new Poison(kind, topic, "poison-" + UUID.randomUUID(), headers, value.getBytes(StandardCharsets.UTF_8), reason);
    }
}
