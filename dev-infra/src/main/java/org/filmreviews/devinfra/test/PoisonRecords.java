package org.filmreviews.devinfra.test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.filmreviews.events.CloudEventHeaders;
import org.filmreviews.events.EventType;

/**
 * Records no consumer can ever process, of the five kinds a producer gets wrong: a value that is not
 * JSON, a type the topic does not carry, no event id, a payload that breaks the schema, and a payload
 * of a newer contract version on the old topic. Each has a key of its own, so that it can be found in
 * a dead-letter topic (one of them has no {@code ce_id}).
 */
public final class PoisonRecords {

    /** One poison record and the words its dead-letter reason must contain. */
    public record Poison(String kind, String topic, String key, Map<String, String> headers, byte[] value, String reason) {
    }

    private PoisonRecords() {
    }

    public static List<Poison> of(EventType type) {
        String topic = type.topic();
        String v2 = type.ceType().replaceFirst("v1$", "v2");
        return List.of(
                poison("malformed JSON", topic, headers(UUID.randomUUID().toString(), type.ceType()), "{\"reviewId\": ", "not JSON"),
                poison("unknown ce_type", topic, headers(UUID.randomUUID().toString(), "org.example.unknown.v1"), "{}", "Expected ce_type"),
                poison("missing ce_id", topic, headers(null, type.ceType()), "{}", "without a ce_id"),
                poison("schema-invalid payload", topic, headers(UUID.randomUUID().toString(), type.ceType()), "{\"reviewId\": 12}",
                        "breaks its schema"),
                poison("v2 payload", topic, headers(UUID.randomUUID().toString(), v2),
                        "{\"id\": \"" + UUID.randomUUID() + "\", \"schema\": 2, \"data\": {}}", "Expected ce_type"));
    }

    /** Sends them all with a plain producer. */
    public static void send(EventTestClient kafka, List<Poison> poisons) {
        for (Poison poison : poisons) {
            kafka.send(poison.topic(), poison.key(), poison.headers(), poison.value());
        }
    }

    private static Map<String, String> headers(String id, String ceType) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (id != null) {
            headers.put(CloudEventHeaders.ID, id);
        }
        headers.put(CloudEventHeaders.TYPE, ceType);
        headers.put(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        headers.put(CloudEventHeaders.SOURCE, "/poison-test");
        headers.put(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return headers;
    }

    private static Poison poison(String kind, String topic, Map<String, String> headers, String value, String reason) {
        return new Poison(kind, topic, "poison-" + UUID.randomUUID(), headers, value.getBytes(StandardCharsets.UTF_8), reason);
    }
}
