package org.apache.kafka.connect.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class ReplaceFieldTest {

    private static final Schema SCHEMA = SchemaBuilder.struct().name("nm").version(4).doc("dc").parameter("k", "v")
        .optional()
        .field("a", Schema.INT32_SCHEMA)
        .field("b", SchemaBuilder.string().optional().defaultValue("bd").build())
        .field("c", Schema.OPTIONAL_INT64_SCHEMA)
        .build();

    private static Struct struct() {
        return new Struct(SCHEMA).put("a", 1).put("c", 3L);
    }

    private static SourceRecord record(Schema schema, Object value) {
        return new SourceRecord(null, null, "t", 0, Schema.STRING_SCHEMA, "k", schema, value, 42L);
    }

    private static ReplaceField<SourceRecord> value(Map<String, ?> config) {
        ReplaceField<SourceRecord> transform = new ReplaceField.Value<>();
        transform.configure(config);
        return transform;
    }

    private static List<String> fieldNames(Schema schema) {
        return schema.fields().stream().map(Field::name).collect(Collectors.toList());
    }

    private static Map<String, Object> map(Object... entries) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < entries.length; i += 2) {
            map.put((String) entries[i], entries[i + 1]);
        }
        return map;
    }

    @Test
    void excludeDropsFieldsAndKeepsSchemaMetadataButNotOptionality() {
        SourceRecord result = value(Map.of("exclude", "a")).apply(record(SCHEMA, struct()));
        Schema schema = result.valueSchema();
        assertEquals(List.of("b", "c"), fieldNames(schema));
        assertEquals("nm", schema.name());
        assertEquals(4, schema.version());
        assertEquals("dc", schema.doc());
        assertEquals(Map.of("k", "v"), schema.parameters());
        assertEquals(false, schema.isOptional());
        assertEquals("bd", ((Struct) result.value()).getWithoutDefault("b"), "null copied as its default");
    }

    @Test
    void includeKeepsOnlyListedFieldsInSchemaOrder() {
        assertEquals(List.of("a", "b"), fieldNames(value(Map.of("include", "b,a")).apply(record(SCHEMA, struct()))
            .valueSchema()));
        assertEquals(List.of("b"), fieldNames(value(Map.of("include", "a,b", "exclude", "a"))
            .apply(record(SCHEMA, struct())).valueSchema()), "exclude wins");
        assertEquals(List.of(), fieldNames(value(Map.of("include", "zz")).apply(record(SCHEMA, struct())).valueSchema()));
    }

    @Test
    void renamesApplyAfterFilteringByOriginalName() {
        Struct renamed = (Struct) value(Map.of("renames", "a:x,b:y")).apply(record(SCHEMA, struct())).value();
        assertEquals(List.of("x", "y", "c"), fieldNames(renamed.schema()));
        assertEquals(1, renamed.get("x"));
        assertEquals("bd", renamed.getWithoutDefault("y"));
        assertEquals(List.of("x"), fieldNames(value(Map.of("renames", "a:x", "include", "a"))
            .apply(record(SCHEMA, struct())).valueSchema()));
        assertEquals(List.of(), fieldNames(value(Map.of("renames", "a:x", "include", "x"))
            .apply(record(SCHEMA, struct())).valueSchema()));
    }

    @Test
    void swappedNamesReadTheRightOriginals() {
        Struct swapped = (Struct) value(Map.of("renames", "a:b,b:a")).apply(record(SCHEMA, struct())).value();
        assertEquals(1, swapped.get("b"));
        assertEquals("bd", swapped.get("a"));
    }

    @Test
    void nullFieldStaysNullWhenDefaultsAreOff() {
        Struct result = (Struct) value(Map.of("renames", "b:y", "replace.null.with.default", "false"))
            .apply(record(SCHEMA, struct())).value();
        assertNull(result.getWithoutDefault("y"));
    }

    @Test
    void renamingOntoAnExistingFieldWithSchemaFails() {
        assertThrows(DataException.class, () -> value(Map.of("renames", "a:b")).apply(record(SCHEMA, struct())));
    }

    @Test
    void nullValueIsPassedThroughUntouched() {
        SourceRecord tombstone = record(SCHEMA, null);
        assertSame(tombstone, value(Map.of("exclude", "a")).apply(tombstone));
        SourceRecord schemaless = record(null, null);
        assertSame(schemaless, value(Map.of("exclude", "a")).apply(schemaless));
    }

    @Test
    void schemalessMapsAreFilteredAndRenamed() {
        SourceRecord result = value(Map.of("renames", "a:x", "exclude", "b"))
            .apply(record(null, map("a", 1, "b", 2, "c", null)));
        assertEquals(map("x", 1, "c", null), result.value());
        assertEquals(map("a", 1), value(Map.of("include", "a,zz")).apply(record(null, map("a", 1, "b", 2))).value());
        assertEquals(map("a", 2, "b", 1), value(Map.of("renames", "a:b,b:a"))
            .apply(record(null, map("a", 1, "b", 2))).value());
    }

    @Test
    void wrongDataTypeIsAnError() {
        assertThrows(DataException.class, () -> value(Map.of("exclude", "a")).apply(record(null, "text")));
        assertThrows(DataException.class, () -> value(Map.of("exclude", "a")).apply(record(Schema.INT32_SCHEMA, 3)));
    }

    @Test
    void removedKeyNamesAreIgnored() {
        // whitelist/blacklist were dropped upstream in 4.0: they are unknown keys now, not aliases.
        SourceRecord result = value(Map.of("whitelist", "a", "blacklist", "b")).apply(record(SCHEMA, struct()));
        assertEquals(List.of("a", "b", "c"), fieldNames(result.valueSchema()));
    }

    @Test
    void malformedRenamesAreConfigErrors() {
        ConfigException e = assertThrows(ConfigException.class, () -> value(Map.of("renames", "a")));
        assertEquals("Invalid value [a] for configuration renames: Invalid rename mapping: a", e.getMessage());
        assertThrows(ConfigException.class, () -> value(Map.of("renames", "a:b:c")));
        assertThrows(ConfigException.class, () -> value(Map.of("renames", "a:")));
        assertThrows(ConfigException.class, () -> value(Map.of("include", "a,,b")));
    }

    @Test
    void reusesTheSchemaForTheSameInputSchema() {
        ReplaceField<SourceRecord> transform = value(Map.of("exclude", "a"));
        assertSame(transform.apply(record(SCHEMA, struct())).valueSchema(),
            transform.apply(record(SCHEMA, struct())).valueSchema());
    }

    @Test
    void keyVariantWorksOnTheKey() {
        ReplaceField<SourceRecord> transform = new ReplaceField.Key<>();
        transform.configure(Map.of("exclude", "a"));
        SourceRecord result = transform.apply(new SourceRecord(null, null, "t", 0, SCHEMA, struct(),
            Schema.STRING_SCHEMA, "v", 1L));
        assertEquals(List.of("b", "c"), fieldNames(result.keySchema()));
        assertEquals("v", result.value());
    }

    @Test
    void renameFromAnAbsentFieldOntoAnExistingOneFails() {
        // "b" is kept under its own name, then read back through the reverse mapping as the missing "zz".
        assertThrows(DataException.class, () -> value(Map.of("renames", "zz:b")).apply(record(SCHEMA, struct())));
    }
}
