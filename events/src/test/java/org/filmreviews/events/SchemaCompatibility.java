package org.filmreviews.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Compares each JSON Schema of the contract with its last released copy and lists every change that would break a
 * reader. The contract's rule is that a topic's schema only ever gains optional properties (and may change its
 * descriptions); anything else needs a new {@code .v2} schema on a new topic, and the released {@code .v1} stays as
 * it was. The rules hold both ways: the retained topics are replayed from the start with the newest schema (so the
 * new one must accept every old event), and consumers validate with the schema of the events jar they were built
 * with (so the old one must accept every new event). Hence adding an enum value or widening a bound breaks too.
 *
 * <p>The comparison walks both schemas together: nested objects ({@code properties}), array items, conditionals
 * ({@code if}/{@code then}/{@code else}), combinators ({@code allOf}, {@code anyOf}, {@code oneOf}) and references
 * into the same document ({@code $ref} to {@code #/$defs/...}), which are followed, so moving a part of a schema into
 * {@code $defs} is not a change. A keyword it has no rule for counts as a change when its value changes.
 */
final class SchemaCompatibility {

    /** What a breaking change broke. */
    enum Rule {
        SCHEMA_REMOVED("schema-removed", "a released schema must stay; its topic's readers still read it"), PROPERTY_REMOVED(
                "property-removed", "readers built on the released schema read this property"), TYPE_CHANGED("type-changed",
                        "old events or old readers no longer agree on the JSON type"), FORMAT_CHANGED("format-changed",
                                "old events or old readers no longer agree on the format"), ENUM_NARROWED("enum-narrowed",
                                        "events already in the log carry the values taken away"), ENUM_WIDENED("enum-widened",
                                                "readers on the released schema dead-letter the new values"), REQUIRED_ADDED(
                                                        "required-added",
                                                        "events already in the log may lack it"), REQUIRED_DROPPED(
                                                                "required-dropped",
                                                                "readers on the released schema dead-letter events without it"), SCHEMA_CLOSED(
                                                                        "schema-closed",
                                                                        "events with properties added later, or by a newer producer, are refused"), SCHEMA_OPENED(
                                                                                "schema-opened",
                                                                                "readers on the released schema refuse the properties it now lets in"), PROPERTY_ADDED_TO_CLOSED(
                                                                                        "property-added-to-closed-object",
                                                                                        "readers on the released schema refuse it"), BOUND_NARROWED(
                                                                                                "bound-narrowed",
                                                                                                "events already in the log may be outside the new bound"), BOUND_WIDENED(
                                                                                                        "bound-widened",
                                                                                                        "readers on the released schema dead-letter values outside the old bound"), KEYWORD_CHANGED(
                                                                                                                "keyword-changed",
                                                                                                                "the schema accepts different events"), UNRESOLVED_REF(
                                                                                                                        "unresolved-ref",
                                                                                                                        "only references inside the same schema can be compared");

        private final String id;
        private final String why;

        Rule(String id, String why) {
            this.id = id;
            this.why = why;
        }

        String id() {
            return id;
        }

        String why() {
            return why;
        }
    }

    /** One breaking change: the schema file, the path of the property in it (like {@code $.review.author}), the rule. */
    record Break(String schema, String path, Rule rule, String detail) {
        @Override
        public String toString() {
            return schema + " " + path + ": " + rule.id() + " (" + detail + "; " + rule.why() + ")";
        }
    }

    /**
     * The outcome of checking a directory of schemas against the released copies: the breaking changes, the schemas
     * compared, and the schemas that have no released copy yet (a new event or a new {@code .v2}).
     */
    record Report(List<Break> breaks, List<String> compared, List<String> unreleased) {
        boolean compatible() {
            return breaks.isEmpty();
        }

        String describe() {
            return breaks.stream().map(Break::toString).collect(Collectors.joining("\n  ", "  ",
                    "\nA breaking change goes into a new .v2 schema with a new topic; the .v1 schema stays as released."));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Keywords that only describe: changing them changes no event's validity. */
    private static final Set<String> ANNOTATIONS = Set.of("title", "description", "$comment", "examples", "example",
            "default", "deprecated", "readOnly", "writeOnly");

    /** Lower bounds: a greater value accepts fewer events. */
    private static final Set<String> LOWER_BOUNDS = Set.of("minimum", "exclusiveMinimum", "minLength", "minItems",
            "minProperties", "minContains");

    /** Upper bounds: a smaller value accepts fewer events. */
    private static final Set<String> UPPER_BOUNDS = Set.of("maximum", "exclusiveMaximum", "maxLength", "maxItems",
            "maxProperties", "maxContains");

    /** Subschemas that are compared only when both sides have them (having one or not changes the meaning). */
    private static final List<String> SUBSCHEMAS = List.of("if", "then", "else", "not", "contains", "propertyNames");

    private static final List<String> SCHEMA_LISTS = List.of("allOf", "anyOf", "oneOf", "prefixItems");

    /** Keywords with rules of their own below, or followed through references. */
    private static final Set<String> HANDLED = Stream.of(
            Stream.of("type", "format", "enum", "const", "required", "properties", "additionalProperties",
                    "unevaluatedProperties", "items", "$defs", "definitions", "$ref"),
            LOWER_BOUNDS.stream(), UPPER_BOUNDS.stream(), SUBSCHEMAS.stream(), SCHEMA_LISTS.stream(), ANNOTATIONS.stream())
            .flatMap(s -> s).collect(Collectors.toSet());

    private SchemaCompatibility() {
    }

    /**
     * Checks every released schema ({@code *.json} in {@code releasedDir}) against the file of the same name in
     * {@code currentDir}.
     */
    static Report check(Path releasedDir, Path currentDir) {
        List<String> released = schemaFiles(releasedDir);
        if (released.isEmpty()) {
            throw new IllegalStateException("No released schemas in " + releasedDir.toAbsolutePath());
        }
        List<String> current = schemaFiles(currentDir);
        List<Break> breaks = new ArrayList<>();
        List<String> compared = new ArrayList<>();
        for (String name : released) {
            if (!current.contains(name)) {
                breaks.add(new Break(name, "$", Rule.SCHEMA_REMOVED, "no " + name + " in " + currentDir));
                continue;
            }
            breaks.addAll(compare(name, read(releasedDir.resolve(name)), read(currentDir.resolve(name))));
            compared.add(name);
        }
        List<String> unreleased = current.stream().filter(name -> !released.contains(name)).toList();
        return new Report(List.copyOf(breaks), List.copyOf(compared), unreleased);
    }

    /** The breaking changes from the released schema to the current one; empty when they are compatible. */
    static List<Break> compare(String schemaName, JsonNode released, JsonNode current) {
        Walk walk = new Walk(schemaName, released, current);
        walk.compare("$", released, current);
        return List.copyOf(walk.breaks);
    }

    private static List<String> schemaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("Not a directory: " + dir.toAbsolutePath());
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** One comparison of two documents: their roots (for references), the breaks found, the references followed. */
    private static final class Walk {
        private final String schema;
        private final JsonNode oldRoot;
        private final JsonNode newRoot;
        private final List<Break> breaks = new ArrayList<>();
        /** The pairs of references being compared, so that a recursive schema ends where it recurs. */
        private final Set<String> entered = new java.util.HashSet<>();

        Walk(String schema, JsonNode oldRoot, JsonNode newRoot) {
            this.schema = schema;
            this.oldRoot = oldRoot;
            this.newRoot = newRoot;
        }

        private void report(String path, Rule rule, String detail) {
            breaks.add(new Break(schema, path, rule, detail));
        }

        void compare(String path, JsonNode oldNode, JsonNode newNode) {
            String oldRef = refOf(oldNode);
            String newRef = refOf(newNode);
            String refs = oldRef == null && newRef == null ? null : oldRef + " -> " + newRef;
            if (refs != null && !entered.add(refs)) {
                return;
            }
            try {
                compareResolved(path, oldNode, newNode);
            } finally {
                if (refs != null) {
                    entered.remove(refs);
                }
            }
        }

        private void compareResolved(String path, JsonNode oldNode, JsonNode newNode) {
            JsonNode o = resolve(path, oldRoot, oldNode, "released");
            JsonNode n = resolve(path, newRoot, newNode, "current");
            if (o == null || n == null) {
                return;
            }
            if (!o.isObject() || !n.isObject()) {
                if (!same(o, n)) {
                    report(path, Rule.KEYWORD_CHANGED, "the schema was " + o + ", now " + n);
                }
                return;
            }
            compareTypes(path, o, n);
            compareText(path, o, n, "format", Rule.FORMAT_CHANGED);
            compareValues(path, o, n);
            compareRequired(path, o, n);
            compareProperties(path, o, n);
            compareOpenness(path, o, n, "additionalProperties");
            compareOpenness(path, o, n, "unevaluatedProperties");
            compareItems(path, o, n);
            compareBounds(path, o, n);
            for (String keyword : SUBSCHEMAS) {
                compareOptionalSubschema(path, o, n, keyword);
            }
            for (String keyword : SCHEMA_LISTS) {
                compareSchemaList(path, o, n, keyword);
            }
            Set<String> others = new TreeSet<>();
            o.fieldNames().forEachRemaining(others::add);
            n.fieldNames().forEachRemaining(others::add);
            others.removeAll(HANDLED);
            for (String keyword : others) {
                if (!same(o.get(keyword), n.get(keyword))) {
                    report(path, Rule.KEYWORD_CHANGED,
                            keyword + " was " + shown(o.get(keyword)) + ", now " + shown(n.get(keyword)));
                }
            }
        }

        private void compareTypes(String path, JsonNode o, JsonNode n) {
            Set<String> oldTypes = types(o);
            Set<String> newTypes = types(n);
            if (!Objects.equals(oldTypes, newTypes)) {
                report(path, Rule.TYPE_CHANGED, "type was " + (oldTypes == null ? "any" : oldTypes) + ", now "
                        + (newTypes == null ? "any" : newTypes));
            }
        }

        private void compareText(String path, JsonNode o, JsonNode n, String keyword, Rule rule) {
            if (!same(o.get(keyword), n.get(keyword))) {
                report(path, rule, keyword + " was " + shown(o.get(keyword)) + ", now " + shown(n.get(keyword)));
            }
        }

        /** {@code enum} and {@code const} together: the values allowed, or null for any. */
        private void compareValues(String path, JsonNode o, JsonNode n) {
            List<JsonNode> oldValues = allowedValues(o);
            List<JsonNode> newValues = allowedValues(n);
            if (oldValues == null && newValues == null) {
                return;
            }
            if (oldValues == null) {
                report(path, Rule.ENUM_NARROWED, "any value was allowed, now only " + newValues);
                return;
            }
            if (newValues == null) {
                report(path, Rule.ENUM_WIDENED, "only " + oldValues + " was allowed, now any value");
                return;
            }
            List<JsonNode> removed = oldValues.stream().filter(v -> newValues.stream().noneMatch(w -> same(v, w))).toList();
            List<JsonNode> added = newValues.stream().filter(v -> oldValues.stream().noneMatch(w -> same(v, w))).toList();
            if (!removed.isEmpty()) {
                report(path, Rule.ENUM_NARROWED, "values removed: " + removed);
            }
            if (!added.isEmpty()) {
                report(path, Rule.ENUM_WIDENED, "values added: " + added);
            }
        }

        private void compareRequired(String path, JsonNode o, JsonNode n) {
            Set<String> oldRequired = names(o.get("required"));
            Set<String> newRequired = names(n.get("required"));
            for (String name : newRequired) {
                if (!oldRequired.contains(name)) {
                    report(child(path, name), Rule.REQUIRED_ADDED, "required now, optional in the released schema");
                }
            }
            for (String name : oldRequired) {
                if (!newRequired.contains(name)) {
                    report(child(path, name), Rule.REQUIRED_DROPPED, "optional now, required in the released schema");
                }
            }
        }

        private void compareProperties(String path, JsonNode o, JsonNode n) {
            JsonNode oldProperties = o.path("properties");
            JsonNode newProperties = n.path("properties");
            for (Iterator<Map.Entry<String, JsonNode>> it = oldProperties.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> property = it.next();
                String name = property.getKey();
                if (!newProperties.has(name)) {
                    report(child(path, name), Rule.PROPERTY_REMOVED, "in the released schema, gone now");
                } else {
                    compare(child(path, name), property.getValue(), newProperties.get(name));
                }
            }
            JsonNode oldAdditional = o.get("additionalProperties");
            boolean oldClosed = isFalse(oldAdditional) || isFalse(o.get("unevaluatedProperties"));
            for (Iterator<Map.Entry<String, JsonNode>> it = newProperties.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> property = it.next();
                String name = property.getKey();
                if (oldProperties.has(name)) {
                    continue;
                }
                if (oldClosed) {
                    report(child(path, name), Rule.PROPERTY_ADDED_TO_CLOSED, "added to an object the released schema closed");
                } else if (oldAdditional != null && oldAdditional.isObject()) {
                    // The released schema let it in through additionalProperties: the two must agree.
                    compare(child(path, name), oldAdditional, property.getValue());
                }
                // Otherwise: an added property. Optional is the compatible change; required is reported above.
            }
        }

        /** Open (absent or true), closed (false), or limited to a schema. */
        private void compareOpenness(String path, JsonNode o, JsonNode n, String keyword) {
            JsonNode oldValue = o.get(keyword);
            JsonNode newValue = n.get(keyword);
            boolean oldOpen = oldValue == null || (oldValue.isBoolean() && oldValue.booleanValue());
            boolean newOpen = newValue == null || (newValue.isBoolean() && newValue.booleanValue());
            if (oldOpen && newOpen) {
                return;
            }
            if (oldOpen) {
                report(path, Rule.SCHEMA_CLOSED, keyword + " was open, now " + newValue);
            } else if (newOpen) {
                report(path, Rule.SCHEMA_OPENED, keyword + " was " + oldValue + ", now open");
            } else if (oldValue.isObject() && newValue.isObject()) {
                compare(path + ".*", oldValue, newValue);
            } else if (!same(oldValue, newValue)) {
                report(path, oldValue.isObject() ? Rule.SCHEMA_CLOSED : Rule.SCHEMA_OPENED,
                        keyword + " was " + oldValue + ", now " + newValue);
            }
        }

        private void compareItems(String path, JsonNode o, JsonNode n) {
            JsonNode oldItems = o.get("items");
            JsonNode newItems = n.get("items");
            if (oldItems == null && newItems == null) {
                return;
            }
            if (oldItems != null && oldItems.isArray() || newItems != null && newItems.isArray()) {
                if (!same(oldItems, newItems)) {
                    report(path, Rule.KEYWORD_CHANGED, "items was " + shown(oldItems) + ", now " + shown(newItems));
                }
                return;
            }
            // Absent items allow anything, as an empty schema does.
            compare(path + "[]", oldItems == null ? emptySchema() : oldItems, newItems == null ? emptySchema() : newItems);
        }

        private void compareBounds(String path, JsonNode o, JsonNode n) {
            for (String keyword : LOWER_BOUNDS) {
                compareBound(path, keyword, o.get(keyword), n.get(keyword), true);
            }
            for (String keyword : UPPER_BOUNDS) {
                compareBound(path, keyword, o.get(keyword), n.get(keyword), false);
            }
        }

        private void compareBound(String path, String keyword, JsonNode oldBound, JsonNode newBound, boolean lower) {
            if (oldBound == null && newBound == null || same(oldBound, newBound)) {
                return;
            }
            String detail = keyword + " was " + shown(oldBound) + ", now " + shown(newBound);
            if (oldBound == null) {
                report(path, Rule.BOUND_NARROWED, detail);
            } else if (newBound == null) {
                report(path, Rule.BOUND_WIDENED, detail);
            } else if (!oldBound.isNumber() || !newBound.isNumber()) {
                report(path, Rule.KEYWORD_CHANGED, detail);
            } else {
                int order = newBound.decimalValue().compareTo(oldBound.decimalValue());
                boolean narrower = lower ? order > 0 : order < 0;
                report(path, narrower ? Rule.BOUND_NARROWED : Rule.BOUND_WIDENED, detail);
            }
        }

        private void compareOptionalSubschema(String path, JsonNode o, JsonNode n, String keyword) {
            JsonNode oldSchema = o.get(keyword);
            JsonNode newSchema = n.get(keyword);
            if (oldSchema == null && newSchema == null) {
                return;
            }
            if (oldSchema == null || newSchema == null) {
                report(path, Rule.KEYWORD_CHANGED, keyword + " was " + shown(oldSchema) + ", now " + shown(newSchema));
                return;
            }
            compare(path + "(" + keyword + ")", oldSchema, newSchema);
        }

        private void compareSchemaList(String path, JsonNode o, JsonNode n, String keyword) {
            JsonNode oldList = o.get(keyword);
            JsonNode newList = n.get(keyword);
            if (oldList == null && newList == null) {
                return;
            }
            if (oldList == null || newList == null || !oldList.isArray() || !newList.isArray()
                    || oldList.size() != newList.size()) {
                report(path, Rule.KEYWORD_CHANGED, keyword + " was " + shown(oldList) + ", now " + shown(newList));
                return;
            }
            for (int i = 0; i < oldList.size(); i++) {
                compare(path + "(" + keyword + "[" + i + "])", oldList.get(i), newList.get(i));
            }
        }

        /**
         * The schema a node stands for: a {@code $ref} replaced by its target (with the keywords beside it laid over
         * the target), {@code true} as an empty schema, {@code false} as a schema nothing satisfies. Null, after
         * reporting it, when a reference cannot be followed.
         */
        private JsonNode resolve(String path, JsonNode root, JsonNode node, String side) {
            JsonNode current = node;
            for (int hops = 0; current != null && current.isObject() && current.has("$ref"); hops++) {
                String ref = current.get("$ref").asText();
                JsonNode target = ref.startsWith("#") && hops < 50 ? root.at(JsonPointer.compile(ref.substring(1))) : null;
                if (target == null || target.isMissingNode()) {
                    report(path, Rule.UNRESOLVED_REF, "the " + side + " schema refers to " + ref);
                    return null;
                }
                ObjectNode merged = target.isObject() ? ((ObjectNode) target).deepCopy() : booleanSchema(target);
                ObjectNode beside = ((ObjectNode) current).deepCopy();
                beside.remove("$ref");
                merged.setAll(beside);
                current = merged;
            }
            if (current != null && current.isBoolean()) {
                return booleanSchema(current);
            }
            return current;
        }
    }

    private static ObjectNode booleanSchema(JsonNode value) {
        ObjectNode schema = emptySchema();
        if (value.isBoolean() && !value.booleanValue()) {
            schema.set("not", emptySchema());
        }
        return schema;
    }

    private static ObjectNode emptySchema() {
        return JsonNodeFactory.instance.objectNode();
    }

    private static String refOf(JsonNode node) {
        return node != null && node.isObject() && node.has("$ref") ? node.get("$ref").asText() : null;
    }

    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return null;
        }
        Set<String> types = new TreeSet<>();
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else {
            types.add(type.asText());
        }
        return types;
    }

    private static List<JsonNode> allowedValues(JsonNode schema) {
        if (schema.has("const")) {
            return List.of(schema.get("const"));
        }
        JsonNode values = schema.get("enum");
        if (values == null || !values.isArray()) {
            return null;
        }
        List<JsonNode> list = new ArrayList<>();
        values.forEach(list::add);
        return list;
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new LinkedHashSet<>();
        if (array != null && array.isArray()) {
            array.forEach(name -> names.add(name.asText()));
        }
        return names;
    }

    private static boolean isFalse(JsonNode node) {
        return node != null && node.isBoolean() && !node.booleanValue();
    }

    /** Equal JSON, with numbers compared by value (1 and 1.0 are the same bound). */
    private static boolean same(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Iterator<String> names = a.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!same(a.get(name), b.get(name))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private static String shown(JsonNode node) {
        return node == null ? "(none)" : node.toString();
    }

    /** {@code $.author.id}; a name that is not a plain word is quoted: {@code $['a.b']}. */
    private static String child(String path, String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_-]*") ? path + "." + name : path + "['" + name.replace("'", "\\'") + "']";
    }
}
