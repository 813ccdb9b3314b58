package org.filmreviews.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.filmreviews.events.SchemaCompatibility.Break;
import org.filmreviews.events.SchemaCompatibility.Report;
import org.filmreviews.events.SchemaCompatibility.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every schema of the build against its released copy ({@code src/compat/released}), and the checker itself against
 * copies of the released schemas changed here one way at a time.
 */
class SchemaCompatibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path MODULE = Path.of(System.getProperty("basedir", "."));
    private static final Path RELEASED = MODULE.resolve("src/compat/released");
    private static final Path SCHEMAS = MODULE.resolve("src/main/resources/schemas");

    @Test
    void everySchemaOfTheBuildIsCompatibleWithItsReleasedCopy() {
        Report report = SchemaCompatibility.check(RELEASED, SCHEMAS);

        assertThat(report.breaks())
                .withFailMessage(() -> "Breaking changes against " + RELEASED + ":\n" + report.describe())
                .isEmpty();
        assertThat(report.compared()).isNotEmpty();
        Set<String> checkedOrNew = new HashSet<>(report.compared());
        checkedOrNew.addAll(report.unreleased());
        for (EventType type : EventType.values()) {
            assertThat(checkedOrNew).contains(fileName(type));
        }
        if (!report.unreleased().isEmpty()) {
            System.out.println("Schemas without a released copy yet (new since the last release): " + report.unreleased());
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void aSchemaItsTopicAndItsCeTypeCarryTheSameVersion(EventType type) {
        Matcher schema = Pattern.compile("\\.v(\\d+)\\.json$").matcher(fileName(type));
        assertThat(schema.find()).as("version in %s", fileName(type)).isTrue();
        String version = ".v" + schema.group(1);

        assertThat(type.topic()).endsWith(version);
        assertThat(type.ceType()).endsWith(version);
    }

    @Test
    void addingOptionalPropertiesAndChangingDescriptionsIsCompatible() throws Exception {
        ObjectNode changed = released("review-submitted.v1.json");
        ((ObjectNode) changed.get("properties")).putObject("language").put("type", "string")
                .put("description", "BCP 47 tag, added later.");
        ((ObjectNode) changed.at("/properties/author/properties")).putObject("avatarUrl").putArray("type").add("string")
                .add("null");
        changed.put("description", "Reworded.");
        ((ObjectNode) changed.at("/properties/version")).put("description", "Reworded too.");

        assertThat(compare("review-submitted.v1.json", changed)).isEmpty();
    }

    @Test
    void anUnchangedCopyOfEveryReleasedSchemaIsCompatible() throws Exception {
        for (String name : releasedNames()) {
            assertThat(compare(name, released(name))).as(name).isEmpty();
        }
    }

    @Test
    void removingAPropertyBreaksTheBuild() throws Exception {
        ObjectNode changed = released("review-submitted.v1.json");
        ((ObjectNode) changed.get("properties")).remove("headline");

        assertThat(compare("review-submitted.v1.json", changed))
                .extracting(Break::path, Break::rule)
                .containsExactly(tuple("$.headline", Rule.PROPERTY_REMOVED));
    }

    @Test
    void removingARequiredPropertyReportsBothThePropertyAndTheRequirement() throws Exception {
        ObjectNode changed = released("review-withdrawn.v1.json");
        ((ObjectNode) changed.get("properties")).remove("withdrawnAt");
        removeValue((ArrayNode) changed.get("required"), "withdrawnAt");

        assertThat(compare("review-withdrawn.v1.json", changed))
                .extracting(Break::path, Break::rule)
                .containsExactlyInAnyOrder(tuple("$.withdrawnAt", Rule.PROPERTY_REMOVED),
                        tuple("$.withdrawnAt", Rule.REQUIRED_DROPPED));
    }

    @Test
    void removingAPropertyOfAnObjectInsideArrayItemsIsFoundWhereItIs() throws Exception {
        ObjectNode changed = released("review-decided.v1.json");
        ((ObjectNode) changed.at("/properties/review/properties/spoilerSentences/items/properties")).remove("end");

        List<Break> breaks = compare("review-decided.v1.json", changed);

        assertThat(breaks).extracting(Break::path, Break::rule)
                .containsExactly(tuple("$.review.spoilerSentences[].end", Rule.PROPERTY_REMOVED));
        assertThat(breaks.get(0).toString()).contains("review-decided.v1.json", "$.review.spoilerSentences[].end",
                "property-removed");
    }

    @Test
    void changingAPropertysTypeBreaksTheBuild() throws Exception {
        ObjectNode changed = released("review-voted.v1.json");
        ((ObjectNode) changed.at("/properties/helpful")).put("type", "string");

        assertThat(compare("review-voted.v1.json", changed))
                .extracting(Break::path, Break::rule)
                .containsExactly(tuple("$.helpful", Rule.TYPE_CHANGED));
    }

    @Test
    void noLongerAllowingNullIsATypeChange() throws Exception {
        ObjectNode changed = released("film-changed.v1.json");
        ((ObjectNode) changed.at("/properties/cast/items/properties/character")).put("type", "string");

        assertThat(compare("film-changed.v1.json", changed))
                .extracting(Break::path, Break::rule)
                .containsExactly(tuple("$.cast[].character", Rule.TYPE_CHANGED));
    }

    @Test
    void changingTheTypeOfArrayItemsBreaksTheBuild() throws Exception {
        ObjectNode changed = released("film-changed.v1.json");
        ((ObjectNode) changed.at("/properties/genres/items")).put("type", "integer");

        assertThat(compare("film-changed.v1.json", changed))
                .extracting(Break::path, Break::rule)
                .containsExactly(tuple("$.genres[]", Rule.TYPE_CHANGED));
    }

    @Test
    void changingOrAddingAFormatBreaksTheBuild() throws Exception {
        ObjectNode changed = released("film-changed.v1.json");
        ((ObjectNode) changed.at("/properties/releaseDate")).put("format", "date-time");
        ((ObjectNode) changed.at("/properties/country")).put("format", "iso-3166-alpha-2");

        assertThat(compare("film-changed.v1.json", changed))
                .extracting(Break::path, Break::rule)
                .containsExactlyInAnyOrder(tuple("$.releaseDate", Rule.FORMAT_CHANGED),
                        tuple("$.country", Rule.FORMAT_CHANGED));
    }

    @Test
    void removingAnEnumValueBreaksTheBuild() throws Exception {
        ObjectNode changed = released("review-decided.v1.json");
        removeValue((ArrayNode) changed.at("/properties/decision/enum"), "HOLD");

        assertThat(compare("review-decided.v1.json", changed))
                .extracting(Break::path, Break::rule, Break::detail)
                .containsExactly(tuple("$.decision", Rule.ENUM_NARROWED, "values removed: [\"HOLD\"]"));
    }

    @Test
    void addingAnEnumValueBreaksTheBuildBecauseReadersOnTheReleasedSchemaDeadLetterIt() throws Exception {
        ObjectNode changed = released("review-reported.v1.json");
        ((ArrayNode) changed.at("/properties/reason/enum")).add("off-topic");

        assertThat(compare("review-reported.v1.json", changed))
                .extracting(Break::path, Break::rule)
                .containsExactly(tuple("$.reason", Rule.ENUM_WIDENED));
    }

    @Test
    void makingAnOptionalPropertyRequiredBreaksTheBuild() throws Exception {
        ObjectNode changed = released("review-submitted.v1.json");
        ((ArrayNode) changed.get("required")).add("rating");

        assertThat(compare("review-submitted.v1.json", changed))
                .extracting(Break::path, Break::rule)
                .containsExactly(tuple("$.rating", Rule.REQUIRED_ADDED));
    }

    @Test
    void makingANestedOptionalPropertyRequiredBreaksTheBuild() throws Exception {
        ObjectNode changed = released("film-changed.v1.json");
        ((ArrayNode) changed.at("/properties/cast/items/required")).add("character");

        assertThat(compare("film-changed.v1.json", changed))
                .extracting(Break::path, Break::rule)
                .containsExactly(tuple("$.cast[].character", Rule.REQUIRED_ADDED));
    }

    @Test
    void addingARequiredPropertyBreaksTheBuild() throws Exception {
        ObjectNode changed = released("review-voted.v1.json");
        ((ObjectNode) changed.get("properties")).putObject("voter").put("type", "string");
        ((ArrayNode) changed.get("required")).add("voter");

        assertThat(compare("review-voted.v1.json", changed))
                .extracting(Break::path, Break::rule)
                .containsExactly(tuple("$.voter", Rule.REQUIRED_ADDED));
    }

    @Test
    void makingARequiredPropertyOptionalBreaksTheBuild() throws Exception {
        ObjectNode changed = released("review-appealed.v1.json");
        removeValue((ArrayNode) changed.at("/properties/author/required"), "displayName");

        assertThat(compare("review-appealed.v1.json", changed))
                .extracting(Break::path, Break::rule)
                .containsExactly(tuple("$.author.displayName", Rule.REQUIRED_DROPPED));
    }

    @Test
    void closingTheSchemaBreaksTheBuild() throws Exception {
        ObjectNode changed = released("review-reported.v1.json");
        changed.put("additionalProperties", false);
        ((ObjectNode) changed.at("/properties/reporter")).put("unevaluatedProperties", false);

        assertThat(compare("review-reported.v1.json", changed))
                .extracting(Break::path, Break::rule)
                .containsExactlyInAnyOrder(tuple("$", Rule.SCHEMA_CLOSED), tuple("$.reporter", Rule.SCHEMA_CLOSED));
    }

    @Test
    void limitingAdditionalPropertiesToATypeClosesTheSchema() throws Exception {
        ObjectNode changed = released("review-voted.v1.json");
        changed.putObject("additionalProperties").put("type", "integer");

        assertThat(compare("review-voted.v1.json", changed))
                .extracting(Break::path, Break::rule)
                .containsExactly(tuple("$", Rule.SCHEMA_CLOSED));
    }

    @Test
    void tighteningOrLooseningABoundBreaksTheBuild() throws Exception {
        ObjectNode changed = released("review-submitted.v1.json");
        ((ObjectNode) changed.at("/properties/body")).put("maxLength", 5000);
        ((ObjectNode) changed.at("/properties/rating")).put("maximum", 100);
        ((ObjectNode) changed.at("/properties/author/properties/id")).remove("minLength");
        ((ObjectNode) changed.at("/properties/version")).put("minimum", 1.0);

        assertThat(compare("review-submitted.v1.json", changed))
                .extracting(Break::path, Break::rule)
                .containsExactlyInAnyOrder(tuple("$.body", Rule.BOUND_NARROWED), tuple("$.rating", Rule.BOUND_WIDENED),
                        tuple("$.author.id", Rule.BOUND_WIDENED));
    }

    @Test
    void changingTheConditionThatRequiresThePublishedReviewBreaksTheBuild() throws Exception {
        ObjectNode changed = released("review-decided.v1.json");
        ((ArrayNode) changed.at("/if/properties/decision/enum")).removeAll().add("PUBLISH");

        assertThat(compare("review-decided.v1.json", changed))
                .extracting(Break::path, Break::rule)
                .containsExactly(tuple("$(if).decision", Rule.ENUM_NARROWED));
    }

    @Test
    void aKeywordWithoutARuleOfItsOwnBreaksTheBuildWhenItChanges() throws Exception {
        ObjectNode changed = released("review-voted.v1.json");
        ((ObjectNode) changed.at("/properties/votedAt")).put("pattern", "Z$");

        assertThat(compare("review-voted.v1.json", changed))
                .extracting(Break::path, Break::rule)
                .containsExactly(tuple("$.votedAt", Rule.KEYWORD_CHANGED));
    }

    @Test
    void movingAnObjectIntoDefsBehindARefIsNoChange() throws Exception {
        ObjectNode changed = released("review-submitted.v1.json");
        moveAuthorIntoDefs(changed);

        assertThat(compare("review-submitted.v1.json", changed)).isEmpty();
    }

    @Test
    void aChangeBehindARefIsFoundAtThePathThatUsesIt() throws Exception {
        ObjectNode changed = released("review-submitted.v1.json");
        moveAuthorIntoDefs(changed);
        ((ObjectNode) changed.at("/$defs/person/properties")).remove("username");
        ((ObjectNode) changed.at("/$defs/person/properties/id")).put("type", "integer");

        assertThat(compare("review-submitted.v1.json", changed))
                .extracting(Break::path, Break::rule)
                .containsExactlyInAnyOrder(tuple("$.author.username", Rule.PROPERTY_REMOVED),
                        tuple("$.author.id", Rule.TYPE_CHANGED));
    }

    @Test
    void aRefToNothingBreaksTheBuild() throws Exception {
        ObjectNode changed = released("review-submitted.v1.json");
        ((ObjectNode) changed.get("properties")).putObject("author").put("$ref", "#/$defs/nobody");

        assertThat(compare("review-submitted.v1.json", changed))
                .extracting(Break::path, Break::rule)
                .containsExactly(tuple("$.author", Rule.UNRESOLVED_REF));
    }

    @Test
    void aRecursiveSchemaIsComparedToTheEndAndItsChangesAreFound() throws Exception {
        String tree = """
                {"$defs": {"node": {"type": "object", "required": ["name"], "properties": {
                    "name": {"type": "string"},
                    "children": {"type": "array", "items": {"$ref": "#/$defs/node"}}}}},
                 "type": "object", "properties": {"root": {"$ref": "#/$defs/node"}}}
                """;
        ObjectNode released = (ObjectNode) JSON.readTree(tree);
        ObjectNode changed = released.deepCopy();
        ((ObjectNode) changed.at("/$defs/node/properties/name")).put("type", "integer");

        assertThat(SchemaCompatibility.compare("tree.v1.json", released, released.deepCopy())).isEmpty();
        assertThat(SchemaCompatibility.compare("tree.v1.json", released, changed))
                .extracting(Break::path, Break::rule)
                .containsExactly(tuple("$.root.name", Rule.TYPE_CHANGED));
    }

    @Test
    void aBreakingChangeInANewV2SchemaLeavesTheBuildGreenWhileV1StaysAsReleased(@TempDir Path dir) throws Exception {
        Path released = copyOfReleased(dir);
        Path current = Files.createDirectories(dir.resolve("current"));
        for (String name : releasedNames()) {
            Files.copy(RELEASED.resolve(name), current.resolve(name));
        }
        ObjectNode v2 = released("review-voted.v1.json");
        ((ObjectNode) v2.get("properties")).remove("notHelpful");
        removeValue((ArrayNode) v2.get("required"), "notHelpful");
        JSON.writeValue(current.resolve("review-voted.v2.json").toFile(), v2);

        Report report = SchemaCompatibility.check(released, current);

        assertThat(report.compatible()).isTrue();
        assertThat(report.unreleased()).containsExactly("review-voted.v2.json");
        assertThat(report.compared()).contains("review-voted.v1.json");
    }

    @Test
    void aV1ChangedBesideItsNewV2StillBreaksTheBuild(@TempDir Path dir) throws Exception {
        Path released = copyOfReleased(dir);
        Path current = Files.createDirectories(dir.resolve("current"));
        for (String name : releasedNames()) {
            Files.copy(RELEASED.resolve(name), current.resolve(name));
        }
        ObjectNode changed = released("review-voted.v1.json");
        ((ObjectNode) changed.get("properties")).remove("notHelpful");
        JSON.writeValue(current.resolve("review-voted.v1.json").toFile(), changed);
        JSON.writeValue(current.resolve("review-voted.v2.json").toFile(), changed);

        Report report = SchemaCompatibility.check(released, current);

        assertThat(report.breaks()).extracting(Break::schema, Break::path, Break::rule)
                .containsExactly(tuple("review-voted.v1.json", "$.notHelpful", Rule.PROPERTY_REMOVED));
        assertThat(report.describe()).contains("review-voted.v1.json $.notHelpful: property-removed", "new .v2 schema");
    }

    @Test
    void removingAReleasedSchemaBreaksTheBuild(@TempDir Path dir) throws Exception {
        Path released = copyOfReleased(dir);
        Path current = Files.createDirectories(dir.resolve("current"));
        for (String name : releasedNames()) {
            if (!name.equals("review-appealed.v1.json")) {
                Files.copy(RELEASED.resolve(name), current.resolve(name));
            }
        }

        assertThat(SchemaCompatibility.check(released, current).breaks())
                .extracting(Break::schema, Break::rule)
                .containsExactly(tuple("review-appealed.v1.json", Rule.SCHEMA_REMOVED));
    }

    @Test
    void theReleasedCopiesAreTheSchemasOfTheEventTypes() {
        assertThat(releasedNames())
                .containsAll(Arrays.stream(EventType.values()).map(SchemaCompatibilityTest::fileName).toList());
    }

    private static void moveAuthorIntoDefs(ObjectNode schema) {
        JsonNode author = schema.at("/properties/author");
        schema.putObject("$defs").set("person", author.deepCopy());
        ((ObjectNode) schema.get("properties")).putObject("author").put("$ref", "#/$defs/person")
                .put("description", "Who wrote it.");
    }

    private static Path copyOfReleased(Path dir) throws Exception {
        Path released = Files.createDirectories(dir.resolve("released"));
        for (String name : releasedNames()) {
            Files.copy(RELEASED.resolve(name), released.resolve(name));
        }
        return released;
    }

    private static List<String> releasedNames() {
        try (var files = Files.list(RELEASED)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Break> compare(String name, JsonNode changed) throws Exception {
        return SchemaCompatibility.compare(name, released(name), changed);
    }

    private static ObjectNode released(String name) throws Exception {
        return (ObjectNode) JSON.readTree(RELEASED.resolve(name).toFile());
    }

    private static void removeValue(ArrayNode array, String value) {
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i).asText().equals(value)) {
                array.remove(i);
                return;
            }
        }
        throw new IllegalArgumentException(value + " not in " + array);
    }

    private static String fileName(EventType type) {
        return type.schemaResource().substring(type.schemaResource().lastIndexOf('/') + 1);
    }
}
