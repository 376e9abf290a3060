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
import org.apache.kafka.connect.transforms.field.FieldSyntaxVersion;
import org.apache.kafka.connect.transforms.field.SingleFieldPath;
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

    /** {@code struct{i32, nested: optional struct{i16: optional INT16 [default 7 if own], s} default {i16=1}}}. */
    private static Schema defaultedParent(boolean leafHasOwnDefault, boolean parentDefaultHasI16) {
        SchemaBuilder nested = SchemaBuilder.struct().optional()
            .field("i16", leafHasOwnDefault
                ? SchemaBuilder.int16().optional().defaultValue((short) 7).build()
                : Schema.OPTIONAL_INT16_SCHEMA)
            .field("s", Schema.OPTIONAL_STRING_SCHEMA);
        Struct nestedDefault = new Struct(nested).put("s", "d");
        if (parentDefaultHasI16) {
            nestedDefault.put("i16", (short) 1);
        }
        nested.defaultValue(nestedDefault);
        return SchemaBuilder.struct().field("i32", Schema.INT32_SCHEMA).field("nested", nested.build()).build();
    }

    private static Object extract(String field, boolean replaceNullWithDefault, Schema schema, Struct value) {
        return value(Map.of("field", field, "field.syntax.version", "V2",
            "replace.null.with.default", replaceNullWithDefault)).apply(valueRecord(schema, value)).value();
    }

    @Test
    void v2WithoutReplaceStillReadsThroughADefaultedParentStruct() {
        Schema schema = defaultedParent(false, true);
        Struct nestedNull = new Struct(schema).put("i32", 1);
        SourceRecord result = value(Map.of("field", "nested.i16", "field.syntax.version", "V2",
            "replace.null.with.default", false)).apply(valueRecord(schema, nestedNull));
        assertEquals((short) 1, result.value(), "the null parent is read through its default struct");
        assertEquals(Schema.OPTIONAL_INT16_SCHEMA, result.valueSchema());
        assertEquals((short) 1, extract("nested.i16", true, schema, nestedNull));
        assertNull(extract("nested", false, schema, nestedNull), "the last step itself honours the setting");
    }

    @Test
    void v2WithoutReplaceHonoursTheSettingAtTheLastStepOnly() {
        Schema ownDefault = defaultedParent(true, false);
        assertNull(extract("nested.i16", false, ownDefault, new Struct(ownDefault).put("i32", 1)),
            "the default struct's i16 is null and its own default is not applied");
        assertEquals((short) 7, extract("nested.i16", true, ownDefault, new Struct(ownDefault).put("i32", 1)));
        Struct present = new Struct(ownDefault).put("i32", 1)
            .put("nested", new Struct(ownDefault.field("nested").schema()));
        assertNull(extract("nested.i16", false, ownDefault, present));
        assertEquals((short) 7, extract("nested.i16", true, ownDefault, present));
    }

    @Test
    void v2WithoutReplaceReadsDeepPathsThroughEveryDefaultOnTheWay() {
        SchemaBuilder innerBuilder = SchemaBuilder.struct().optional().field("y", Schema.OPTIONAL_INT16_SCHEMA);
        innerBuilder.defaultValue(new Struct(innerBuilder).put("y", (short) 5));
        Schema inner = innerBuilder.build();
        SchemaBuilder middleBuilder = SchemaBuilder.struct().optional().field("b", inner);
        middleBuilder.defaultValue(new Struct(middleBuilder).put("b", new Struct(inner).put("y", (short) 3)));
        Schema middle = middleBuilder.build();
        Schema schema = SchemaBuilder.struct().field("a", middle).build();
        assertEquals((short) 3, extract("a.b.y", false, schema, new Struct(schema)), "a's default holds b={y=3}");
        assertEquals((short) 5, extract("a.b.y", false, schema, new Struct(schema).put("a", new Struct(middle))),
            "a present with b null: b's own default");
        Schema undefaulted = SchemaBuilder.struct()
            .field("a", SchemaBuilder.struct().optional().field("b", inner).build()).build();
        assertNull(extract("a.b.y", false, undefaulted, new Struct(undefaulted)), "a null parent without a default");
    }

    @Test
    void singleFieldPathWithoutDefaultsStillWalksIntermediateDefaults() {
        Schema schema = defaultedParent(true, true);
        Struct nestedNull = new Struct(schema).put("i32", 1);
        SingleFieldPath path = new SingleFieldPath("nested.i16", FieldSyntaxVersion.V2);
        assertEquals((short) 1, path.valueFrom(nestedNull, false));
        assertEquals((short) 1, path.valueFrom(nestedNull, true));
        Struct present = new Struct(schema).put("i32", 1).put("nested", new Struct(schema.field("nested").schema()));
        assertNull(path.valueFrom(present, false));
        assertEquals((short) 7, path.valueFrom(present, true));
        assertNull(new SingleFieldPath("nested", FieldSyntaxVersion.V1).valueFrom(nestedNull, false));
    }
}
