package org.filmreviews.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The records, the JSON Schemas and the AsyncAPI document must say the same thing. */
class EventContractTest {

    private static final ObjectMapper JSON = EventCodec.mapper();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void sampleSatisfiesSchemaAndRoundTrips(EventType type) throws Exception {
        Object sample = SampleEvents.of(type);
        byte[] json = EventCodec.encode(sample);

        assertThat(EventCodec.violations(type, JSON.readTree(json))).isEmpty();
        assertThat(EventCodec.decode(type.payloadType(), json)).isEqualTo(sample);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void recordComponentsAndSchemaPropertiesAreTheSame(EventType type) throws Exception {
        JsonNode schema = schema(type);
        Set<String> schemaProperties = new TreeSet<>();
        schema.get("properties").fieldNames().forEachRemaining(schemaProperties::add);
        Set<String> components = Arrays.stream(type.payloadType().getRecordComponents())
                .map(c -> c.getName()).collect(Collectors.toCollection(TreeSet::new));

        assertThat(schemaProperties).isEqualTo(components);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void missingRequiredFieldIsRejected(EventType type) throws Exception {
        JsonNode schema = schema(type);
        for (JsonNode required : schema.get("required")) {
            ObjectNode payload = (ObjectNode) JSON.readTree(EventCodec.encode(SampleEvents.of(type)));
            payload.remove(required.asText());
            assertThatThrownBy(() -> EventCodec.decode(type.payloadType(), JSON.writeValueAsBytes(payload)))
                    .as("without %s", required.asText())
                    .isInstanceOf(InvalidEventException.class)
                    .hasMessageContaining(required.asText());
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void unknownFieldsAreIgnoredSoProducersMayAddOptionalOnes(EventType type) throws Exception {
        ObjectNode payload = (ObjectNode) JSON.readTree(EventCodec.encode(SampleEvents.of(type)));
        payload.put("addedInAFutureVersion", "ignored");

        assertThat(EventCodec.decode(type.payloadType(), JSON.writeValueAsBytes(payload))).isEqualTo(SampleEvents.of(type));
    }

    @Test
    void garbageIsAnInvalidEventNotACrash() {
        assertThatThrownBy(() -> EventCodec.decode(ReviewSubmitted.class, "{not json"))
                .isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> EventCodec.decode(ReviewSubmitted.class, ""))
                .isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> EventCodec.decode(ReviewSubmitted.class, "[1,2]"))
                .isInstanceOf(InvalidEventException.class);
    }

    @Test
    void publishedDecisionWithoutTheReviewBreaksTheContract() throws Exception {
        ObjectNode payload = (ObjectNode) JSON.readTree(EventCodec.encode(SampleEvents.of(EventType.REVIEW_DECIDED)));
        payload.remove("review");

        assertThatThrownBy(() -> EventCodec.decode(ReviewDecided.class, JSON.writeValueAsBytes(payload)))
                .isInstanceOf(InvalidEventException.class);
        payload.put("decision", "REJECT");
        assertThat(EventCodec.decode(ReviewDecided.class, JSON.writeValueAsBytes(payload)).review()).isNull();
    }

    @Test
    void asyncApiDocumentsEveryTopicWithItsSchemaAndHeaders() throws Exception {
        JsonNode asyncApi;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("asyncapi.yaml")) {
            asyncApi = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        List<String> addresses = new ArrayList<>();
        asyncApi.get("channels").forEach(channel -> addresses.add(channel.get("address").asText()));
        JsonNode messages = asyncApi.at("/components/messages");

        for (EventType type : EventType.values()) {
            assertThat(addresses).contains(type.topic());
            JsonNode message = findMessage(messages, type.ceType());
            assertThat(message).as("message %s", type.ceType()).isNotNull();
            assertThat(message.at("/payload/$ref").asText()).isEqualTo(type.schemaResource());
            assertThat(message.at("/bindings/kafka/key/description").asText()).isEqualTo("Film id");
        }
        JsonNode headers = asyncApi.at("/components/schemas/cloudEventHeaders/properties");
        for (String header : List.of(CloudEventHeaders.ID, CloudEventHeaders.TYPE, CloudEventHeaders.SOURCE,
                CloudEventHeaders.TIME, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SUBJECT,
                CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.TRACEPARENT)) {
            assertThat(headers.has(header)).as("header %s", header).isTrue();
        }
    }

    private static JsonNode findMessage(JsonNode messages, String name) {
        for (JsonNode message : messages) {
            if (name.equals(message.get("name").asText())) {
                return message;
            }
        }
        return null;
    }

    private static JsonNode schema(EventType type) throws Exception {
        try (InputStream in = EventContractTest.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
            return JSON.readTree(in);
        }
    }
}
