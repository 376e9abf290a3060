package org.apache.kafka.connect.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class ExtractFieldTest {

    private static final Schema INNER = SchemaBuilder.struct().name("in")
        .field("b", SchemaBuilder.int32().optional().defaultValue(5).build())
        .field("c", Schema.STRING_SCHEMA)
        .build();
    private static final Schema SCHEMA = SchemaBuilder.struct()
        .field("a", INNER)
        .field("x", Schema.OPTIONAL_STRING_SCHEMA)
        .field("d", SchemaBuilder.string().optional().defaultValue("dflt").build())
        .field("a.b", Schema.INT64_SCHEMA)
        .build();

    private static Struct struct() {
        return new Struct(SCHEMA).put("a", new Struct(INNER).put("c", "cc")).put("x", "xx").put("a.b", 7L);
    }

    private static SourceRecord valueRecord(Schema schema, Object value) {
        return new SourceRecord(null, null, "t", 0, Schema.STRING_SCHEMA, "k", schema, value, 42L);
    }

    private static ExtractField<SourceRecord> value(Map<String, ?> config) {
        ExtractField<SourceRecord> transform = new ExtractField.Value<>();
        transform.configure(config);
        return transform;
    }

    @Test
    void extractsAStructFieldWithItsSchema() {
        SourceRecord result = value(Map.of("field", "x")).apply(valueRecord(SCHEMA, struct()));
        assertEquals("xx", result.value());
        assertEquals(Schema.OPTIONAL_STRING_SCHEMA, result.valueSchema());
        assertEquals("k", result.key());
        assertEquals(42L, result.timestamp());
    }

    @Test
    void nullFieldReadsAsDefaultUnlessDisabled() {
        assertEquals("dflt", value(Map.of("field", "d")).apply(valueRecord(SCHEMA, struct())).value());
        assertNull(value(Map.of("field", "d", "replace.null.with.default", false))
            .apply(valueRecord(SCHEMA, struct())).value());
    }

    @Test
    void v1TakesADottedNameLiterally() {
        assertEquals(7L, value(Map.of("field", "a.b")).apply(valueRecord(SCHEMA, struct())).value());
    }

    @Test
    void v2FollowsNestedPaths() {
        SourceRecord result = value(Map.of("field", "a.b", "field.syntax.version", "V2"))
            .apply(valueRecord(SCHEMA, struct()));
        assertEquals(5, result.value());
        assertEquals(INNER.field("b").schema(), result.valueSchema());
        assertNull(value(Map.of("field", "a.b", "field.syntax.version", "V2", "replace.null.with.default", "false"))
            .apply(valueRecord(SCHEMA, struct())).value());
        assertEquals(7L, value(Map.of("field", "`a.b`", "field.syntax.version", "v2"))
            .apply(valueRecord(SCHEMA, struct())).value());
    }

    @Test
    void unknownFieldWithSchemaIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> value(Map.of("field", "zz")).apply(valueRecord(SCHEMA, struct())));
        assertEquals("Unknown field: zz", e.getMessage());
        assertThrows(IllegalArgumentException.class,
            () -> value(Map.of("field", "zz")).apply(valueRecord(SCHEMA, null)), "checked even for a null value");
    }

    @Test
    void nullValueWithSchemaGivesNullWithTheFieldSchema() {
        SourceRecord result = value(Map.of("field", "x")).apply(valueRecord(SCHEMA, null));
        assertNull(result.value());
        assertEquals(Schema.OPTIONAL_STRING_SCHEMA, result.valueSchema());
    }

    @Test
    void nonStructValueWithSchemaIsAnError() {
        DataException e = assertThrows(DataException.class,
            () -> value(Map.of("field", "x")).apply(valueRecord(Schema.INT32_SCHEMA, 5)));
        assertEquals("Only Struct objects supported for [field extraction], found: java.lang.Integer", e.getMessage());
    }

    @Test
    void extractsFromSchemalessMaps() {
        Map<String, Object> inner = new HashMap<>();
        inner.put("b", 1);
        Map<String, Object> map = new HashMap<>();
        map.put("a", inner);
        map.put("a.b", 9);
        assertEquals(9, value(Map.of("field", "a.b")).apply(valueRecord(null, map)).value());
        assertEquals(1, value(Map.of("field", "a.b", "field.syntax.version", "V2")).apply(valueRecord(null, map)).value());
        SourceRecord missing = value(Map.of("field", "zz")).apply(valueRecord(null, map));
        assertNull(missing.value());
        assertNull(missing.valueSchema());
        assertNull(value(Map.of("field", "x")).apply(valueRecord(null, null)).value());
    }

    @Test
    void schemalessNonMapIsAnError() {
        DataException e = assertThrows(DataException.class,
            () -> value(Map.of("field", "x")).apply(valueRecord(null, "text")));
        assertEquals("Only Map objects supported in absence of schema for [field extraction], found: java.lang.String",
            e.getMessage());
    }

    @Test
    void keyVariantExtractsFromTheKey() {
        ExtractField<SourceRecord> transform = new ExtractField.Key<>();
        transform.configure(Map.of("field", "x"));
        SourceRecord result = transform.apply(new SourceRecord(null, null, "t", 0, SCHEMA, struct(),
            Schema.STRING_SCHEMA, "v", 1L));
        assertEquals("xx", result.key());
        assertEquals(Schema.OPTIONAL_STRING_SCHEMA, result.keySchema());
        assertEquals("v", result.value());
    }

    @Test
    void configErrors() {
        assertThrows(ConfigException.class, () -> value(Map.of()));
        assertThrows(ConfigException.class, () -> value(Map.of("field", "x", "field.syntax.version", "V3")));
        assertThrows(ConfigException.class, () -> value(Map.of("field", "`x", "field.syntax.version", "V2")));
    }
}
