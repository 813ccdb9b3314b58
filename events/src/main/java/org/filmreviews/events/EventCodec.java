package org.filmreviews.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * Turns event payloads into JSON and back. Decoding validates against the payload's JSON Schema
 * before binding, so a consumer never acts on a record that breaks the contract. Unknown fields are
 * ignored: adding optional fields is the compatible way this contract evolves.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private static final Map<EventType, Schema> SCHEMAS = loadSchemas();

    private EventCodec() {
    }

    public static byte[] encode(Object payload) {
        try {
            return MAPPER.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write event payload " + payload.getClass(), e);
        }
    }

    public static String encodeToString(Object payload) {
        try {
            return MAPPER.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write event payload " + payload.getClass(), e);
        }
    }

    public static <T> T decode(Class<T> payloadType, byte[] json) {
        EventType type = EventType.of(payloadType);
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new InvalidEventException(type.ceType() + " payload is not JSON: " + e.getMessage(), e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new InvalidEventException(type.ceType() + " payload is empty");
        }
        List<String> violations = violations(type, tree);
        if (!violations.isEmpty()) {
            throw new InvalidEventException(type.ceType() + " payload breaks its schema: " + String.join("; ", violations));
        }
        try {
            return MAPPER.treeToValue(tree, payloadType);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException(type.ceType() + " payload cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    public static <T> T decode(Class<T> payloadType, String json) {
        return decode(payloadType, json == null ? new byte[0] : json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Schema violations of a JSON tree, as readable messages; empty when it is valid. */
    public static List<String> violations(EventType type, JsonNode tree) {
        return SCHEMAS.get(type).validate(tree).stream().map(Error::toString).collect(Collectors.toList());
    }

    /** The shared mapper settings, for tests and tools that need to read payloads as trees. */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }

    private static Map<EventType, Schema> loadSchemas() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Map<EventType, Schema> schemas = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            try (InputStream in = EventCodec.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
                if (in == null) {
                    throw new IllegalStateException("Missing schema " + type.schemaResource());
                }
                schemas.put(type, registry.getSchema(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schemas;
    }
}
