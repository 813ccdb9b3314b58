package org.filmreviews.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The records, the JSON Schemas and the AsyncAPI document must say the same thing, and the document must say what the
 * services do with their topics (their configuration and platform's defaults, see {@link ServiceTopicSettings}).
 */
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
        JsonNode asyncApi = asyncApi();
        List<String> addresses = new ArrayList<>();
        asyncApi.get("channels").forEach(channel -> addresses.add(channel.get("address").asText()));
        JsonNode messages = asyncApi.at("/components/messages");

        for (EventType type : EventType.values()) {
            assertThat(addresses).contains(type.topic());
            JsonNode message = findMessage(messages, type.ceType());
            assertThat(message).as("message %s", type.ceType()).isNotNull();
            assertThat(message.at("/payload/$ref").asText()).isEqualTo(type.schemaResource());
            JsonNode key = resolved(asyncApi, message.get("bindings")).at("/kafka/key");
            assertThat(key.path("description").asText()).isEqualTo("Film id");
            assertThat(key.path("format").asText()).isEqualTo("uuid");
        }
        JsonNode headers = asyncApi.at("/components/schemas/cloudEventHeaders/properties");
        for (String header : List.of(CloudEventHeaders.ID, CloudEventHeaders.TYPE, CloudEventHeaders.SOURCE,
                CloudEventHeaders.TIME, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SUBJECT,
                CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.TRACEPARENT)) {
            assertThat(headers.has(header)).as("header %s", header).isTrue();
        }
        assertThat(headers.at("/ce_specversion/const").asText()).isEqualTo(CloudEventHeaders.SPEC_VERSION_1_0);
        assertThat(headers.at("/content-type/const").asText()).isEqualTo(CloudEventHeaders.JSON);
        assertThat(texts(asyncApi.at("/components/schemas/cloudEventHeaders/required")))
                .doesNotContain(CloudEventHeaders.TRACEPARENT)
                .contains(CloudEventHeaders.ID, CloudEventHeaders.TYPE, CloudEventHeaders.SOURCE, CloudEventHeaders.TIME,
                        CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.CONTENT_TYPE);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyMessagesHeadersFixItsCeTypeAndTheOnlySourceAllowedToSendIt(EventType type) throws Exception {
        JsonNode asyncApi = asyncApi();
        JsonNode headers = findMessage(asyncApi.at("/components/messages"), type.ceType()).get("headers");

        assertThat(headers.at("/allOf/0/$ref").asText()).isEqualTo("#/components/schemas/cloudEventHeaders");
        assertThat(headers.at("/allOf/1/properties/ce_type/const").asText()).isEqualTo(type.ceType());
        assertThat(headers.at("/allOf/1/properties/ce_source/const").asText()).isEqualTo(type.source());
        assertThat(texts(asyncApi.at("/components/schemas/cloudEventHeaders/properties/ce_source/enum")))
                .contains(type.source());
    }

    @Test
    void everyTopicInTopicsHasAChannel() throws Exception {
        List<String> topics = new ArrayList<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && !field.getName().equals("DLQ_SUFFIX")) {
                topics.add((String) field.get(null));
            }
        }

        assertThat(topics).hasSize(EventType.values().length);
        assertThat(channelsByAddress(asyncApi()).keySet()).containsAll(topics);
    }

    @Test
    void everyDeadLetterTopicOfTheServicesHasAChannelAndNoOtherDeadLetterChannelIsDocumented() throws Exception {
        JsonNode asyncApi = asyncApi();
        Set<String> deadLetterTopics = ServiceTopicSettings.read().inputs().stream()
                .map(ServiceTopicSettings.Input::deadLetterTopic).collect(Collectors.toCollection(TreeSet::new));
        Map<String, JsonNode> channels = channelsByAddress(asyncApi);
        Set<String> documented = channels.keySet().stream().filter(a -> a.endsWith(Topics.DLQ_SUFFIX))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(deadLetterTopics).hasSize(10);
        assertThat(documented).isEqualTo(deadLetterTopics);
        for (String topic : deadLetterTopics) {
            JsonNode messages = channels.get(topic).get("messages");
            assertThat(messages.size()).as(topic).isEqualTo(1);
            assertThat(messages.elements().next().get("$ref").asText()).as(topic).isEqualTo("#/components/messages/deadLetter");
        }
    }

    @Test
    void theDeadLetterMessageDocumentsEveryHeaderThePlatformAdds() throws Exception {
        JsonNode asyncApi = asyncApi();
        JsonNode headers = resolved(asyncApi, asyncApi.at("/components/messages/deadLetter/headers"));
        List<String> names = new ArrayList<>();
        headers.get("properties").fieldNames().forEachRemaining(names::add);

        assertThat(names).containsExactlyInAnyOrderElementsOf(ServiceTopicSettings.read().deadLetterHeaders());
        assertThat(texts(headers.get("required"))).contains("dead-letter-reason", "dead-letter-topic", "dead-letter-service")
                .doesNotContain("dead-letter-redrives");
    }

    @Test
    void topicBindingsSayHowTheServicesCreateTheTopics() throws Exception {
        ServiceTopicSettings settings = ServiceTopicSettings.read();
        int partitions = settings.topicSetting("filmreviews.topics.partitions", "partitions");
        int replicas = settings.topicSetting("filmreviews.topics.replication-factor", "replicationFactor");
        int inSync = settings.topicSetting("filmreviews.topics.min-insync-replicas", "minInsyncReplicas");
        Set<String> compacted = settings.createdWith(Topics.Retention.COMPACTED, "filmreviews.topics.compacted");
        Set<String> retained = settings.createdWith(Topics.Retention.FOREVER, "filmreviews.topics.retained");
        settings.inputs().forEach(input -> retained.add(input.deadLetterTopic()));
        JsonNode asyncApi = asyncApi();

        Map<String, JsonNode> channels = channelsByAddress(asyncApi);
        assertThat(compacted).isNotEmpty();
        assertThat(channels.keySet()).containsAll(compacted).containsAll(retained);
        channels.forEach((topic, channel) -> {
            JsonNode kafka = resolved(asyncApi, channel.get("bindings")).get("kafka");
            assertThat(kafka).as("kafka binding of %s", topic).isNotNull();
            assertThat(kafka.path("partitions").asInt()).as("partitions of %s", topic).isEqualTo(partitions);
            assertThat(kafka.path("replicas").asInt()).as("replicas of %s", topic).isEqualTo(replicas);
            JsonNode config = kafka.path("topicConfiguration");
            assertThat(config.path("min.insync.replicas").asInt()).as("min.insync.replicas of %s", topic).isEqualTo(inSync);
            assertThat(texts(config.path("cleanup.policy"))).as("cleanup.policy of %s", topic)
                    .containsExactly(compacted.contains(topic) ? "compact" : "delete");
            if (retained.contains(topic)) {
                assertThat(config.path("retention.ms").asLong(0)).as("retention.ms of %s", topic).isEqualTo(-1);
            } else {
                assertThat(config.has("retention.ms")).as("retention.ms of %s (the broker's default)", topic).isFalse();
            }
        });
    }

    /**
     * An operator replaces one channel's group with {@code MP_MESSAGING_INCOMING_<CHANNEL>_GROUP_ID} (FaultSuiteIT's
     * replay and bench's rebuild do): SmallRye Config maps that variable back to a channel named with a dash only
     * when the channel's own {@code group.id} key exists, so a group set once at connector level would break it.
     */
    @Test
    void everyInputNamesItsOwnConsumerGroupSoThatAnEnvironmentVariableCanReplaceIt() {
        assertThat(ServiceTopicSettings.read().inputs())
                .allSatisfy(input -> assertThat(input.group()).as(input.service() + " reading " + input.topic()).isNotBlank());
    }

    @Test
    void receiveOperationsNameTheConsumerGroupsOfTheServices() throws Exception {
        ServiceTopicSettings settings = ServiceTopicSettings.read();
        JsonNode asyncApi = asyncApi();
        Map<String, Set<String>> groupsByTopic = new TreeMap<>();
        for (ServiceTopicSettings.Input input : settings.inputs()) {
            assertThat(input.group()).as("group of %s in %s", input.topic(), input.service()).isNotBlank();
            groupsByTopic.computeIfAbsent(input.topic(), t -> new TreeSet<>()).add(input.group());
            groupsByTopic.computeIfAbsent(input.deadLetterTopic(), t -> new TreeSet<>()).add(input.service() + ".dead-letters");
        }

        Map<String, Set<String>> documented = new TreeMap<>();
        asyncApi.get("operations").forEach(operation -> {
            if (operation.get("action").asText().equals("receive")) {
                String topic = resolved(asyncApi, operation.get("channel")).get("address").asText();
                JsonNode groupId = resolved(asyncApi, operation.get("bindings")).at("/kafka/groupId");
                Set<String> groups = documented.computeIfAbsent(topic, t -> new TreeSet<>());
                groups.addAll(groupId.has("const") ? List.of(groupId.get("const").asText()) : texts(groupId.get("enum")));
            }
        });

        assertThat(documented).isEqualTo(groupsByTopic);
    }

    private static JsonNode asyncApi() throws Exception {
        try (InputStream in = EventContractTest.class.getClassLoader().getResourceAsStream("asyncapi.yaml")) {
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    /** A node of the document with its {@code $ref} (to a part of the same document) followed. */
    private static JsonNode resolved(JsonNode document, JsonNode node) {
        JsonNode current = node;
        while (current != null && current.has("$ref")) {
            String ref = current.get("$ref").asText();
            assertThat(ref).startsWith("#/");
            current = document.at(ref.substring(1));
            assertThat(current.isMissingNode()).as("%s exists", ref).isFalse();
        }
        return current;
    }

    private static Map<String, JsonNode> channelsByAddress(JsonNode asyncApi) {
        Map<String, JsonNode> channels = new TreeMap<>();
        asyncApi.get("channels").forEach(channel -> assertThat(channels.put(channel.get("address").asText(), channel))
                .as("one channel for %s", channel.get("address").asText()).isNull());
        return channels;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        if (array != null) {
            array.forEach(value -> texts.add(value.asText()));
        }
        return texts;
    }

    private static JsonNode findMessage(JsonNode messages, String name) {
        for (JsonNode message : messages) {
            if (name.equals(message.path("name").asText())) {
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
