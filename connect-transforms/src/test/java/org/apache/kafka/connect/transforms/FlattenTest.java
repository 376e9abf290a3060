package org.apache.kafka.connect.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class FlattenTest {

    private static final Schema LEAF = SchemaBuilder.struct().name("leaf")
        .field("x", SchemaBuilder.int32().doc("xdoc").build())
        .field("y", SchemaBuilder.string().optional().defaultValue("yd").build())
        .build();
    private static final Schema OPTIONAL_LEAF = SchemaBuilder.struct().optional()
        .field("p", Schema.INT32_SCHEMA)
        .build();
    private static final Schema MID = SchemaBuilder.struct()
        .field("leaf", LEAF)
        .field("ol", OPTIONAL_LEAF)
        .field("z", Schema.BOOLEAN_SCHEMA)
        .build();
    private static final Schema TOP = SchemaBuilder.struct().name("top").version(3)
        .field("mid", MID)
        .field("arr", SchemaBuilder.array(LEAF).build())
        .field("d", SchemaBuilder.int8().defaultValue((byte) 1).build())
        .build();

    private static Struct struct() {
        Struct leaf = new Struct(LEAF).put("x", 1);
        return new Struct(TOP).put("mid", new Struct(MID).put("leaf", leaf).put("z", true))
            .put("arr", List.of(leaf)).put("d", (byte) 2);
    }

    private static SourceRecord record(Schema schema, Object value) {
        return new SourceRecord(null, null, "t", 0, Schema.STRING_SCHEMA, "k", schema, value, 42L);
    }

    private static Flatten<SourceRecord> value(Map<String, ?> config) {
        Flatten<SourceRecord> transform = new Flatten.Value<>();
        transform.configure(config);
        return transform;
    }

    private static List<String> fieldNames(Schema schema) {
        return schema.fields().stream().map(Field::name).collect(Collectors.toList());
    }

    @Test
    void nestedStructsBecomeDelimitedTopLevelFields() {
        SourceRecord result = value(Map.of()).apply(record(TOP, struct()));
        Schema schema = result.valueSchema();
        assertEquals(List.of("mid.leaf.x", "mid.leaf.y", "mid.ol.p", "mid.z", "arr", "d"), fieldNames(schema));
        assertEquals("top", schema.name());
        assertEquals(3, schema.version());
        Struct flat = (Struct) result.value();
        assertEquals(1, flat.get("mid.leaf.x"));
        assertEquals("yd", flat.getWithoutDefault("mid.leaf.y"), "null leaf read as its default");
        assertNull(flat.get("mid.ol.p"));
        assertEquals(true, flat.get("mid.z"));
        assertEquals((byte) 2, flat.get("d"));
    }

    @Test
    void leafSchemasKeepDocAndDefaultAndBecomeOptionalUnderAnOptionalParent() {
        Schema schema = value(Map.of()).apply(record(TOP, struct())).valueSchema();
        assertEquals("xdoc", schema.field("mid.leaf.x").schema().doc());
        assertFalse(schema.field("mid.leaf.x").schema().isOptional());
        assertEquals("yd", schema.field("mid.leaf.y").schema().defaultValue());
        assertTrue(schema.field("mid.ol.p").schema().isOptional(), "p is required but its parent is optional");
        assertEquals(SchemaBuilder.array(LEAF).build(), schema.field("arr").schema(), "arrays are kept as they are");
    }

    @Test
    void presentOptionalParentContributesItsValues() {
        Struct value = struct();
        ((Struct) value.get("mid")).put("ol", new Struct(OPTIONAL_LEAF).put("p", 4));
        assertEquals(4, ((Struct) value(Map.of()).apply(record(TOP, value)).value()).get("mid.ol.p"));
    }

    @Test
    void delimiterIsConfigurable() {
        Schema schema = value(Map.of("delimiter", "_")).apply(record(TOP, struct())).valueSchema();
        assertEquals(List.of("mid_leaf_x", "mid_leaf_y", "mid_ol_p", "mid_z", "arr", "d"), fieldNames(schema));
    }

    @Test
    void optionalTopLevelMakesEveryLeafOptional() {
        Schema inner = SchemaBuilder.struct().field("b", Schema.INT32_SCHEMA).build();
        Schema top = SchemaBuilder.struct().optional().field("a", inner).build();
        Schema flat = value(Map.of()).apply(record(top, new Struct(top).put("a", new Struct(inner).put("b", 1))))
            .valueSchema();
        assertTrue(flat.field("a.b").schema().isOptional());
        assertFalse(flat.isOptional(), "the flattened struct itself is not optional");
    }

    @Test
    void mapInsideSchemaDataIsAnError() {
        Schema withMap = SchemaBuilder.struct().field("n", SchemaBuilder.struct()
            .field("mm", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA).optional().build()).build())
            .build();
        Struct value = new Struct(withMap).put("n", new Struct(withMap.field("n").schema()));
        DataException e = assertThrows(DataException.class, () -> value(Map.of()).apply(record(withMap, value)));
        assertEquals("Flatten transformation does not support MAP for record with schemas (for field n.mm).",
            e.getMessage());
    }

    @Test
    void nullValueIsPassedThroughUntouched() {
        SourceRecord tombstone = record(TOP, null);
        assertSame(tombstone, value(Map.of()).apply(tombstone));
        SourceRecord schemaless = record(null, null);
        assertSame(schemaless, value(Map.of()).apply(schemaless));
    }

    @Test
    void nonStructWithSchemaIsAnError() {
        assertThrows(DataException.class, () -> value(Map.of()).apply(record(Schema.INT32_SCHEMA, 5)));
    }

    @Test
    void schemalessMapsAreFlattenedInOrder() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("x", 1);
        inner.put("n", null);
        inner.put("l", List.of(Map.of("q", 1)));
        inner.put("empty", new HashMap<>());
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("z", "s");
        value.put("a", inner);
        value.put("b", new byte[] {1});
        @SuppressWarnings("unchecked")
        Map<String, Object> flat = (Map<String, Object>) value(Map.of("delimiter", "#")).apply(record(null, value))
            .value();
        assertEquals(new ArrayList<>(List.of("z", "a#x", "a#n", "a#l", "b")), new ArrayList<>(flat.keySet()));
        assertNull(flat.get("a#n"));
        assertEquals(List.of(Map.of("q", 1)), flat.get("a#l"), "lists are kept as they are");
    }

    @Test
    void schemalessUnsupportedValuesAreErrors() {
        Map<String, Object> withStruct = Map.of("s", new Struct(LEAF).put("x", 1));
        DataException structError = assertThrows(DataException.class,
            () -> value(Map.of()).apply(record(null, withStruct)));
        assertEquals("Flatten transformation does not support class org.apache.kafka.connect.data.Struct for record"
            + " without schemas (for field s).", structError.getMessage());
        DataException dateError = assertThrows(DataException.class,
            () -> value(Map.of()).apply(record(null, Map.of("d", new java.util.Date(0)))));
        assertEquals("Flatten transformation was passed a value of type class java.util.Date which is not supported"
            + " by Connect's data API", dateError.getMessage());
        assertThrows(DataException.class, () -> value(Map.of()).apply(record(null, "text")));
    }

    @Test
    void reusesTheFlatSchemaForTheSameInputSchema() {
        Flatten<SourceRecord> transform = value(Map.of());
        assertSame(transform.apply(record(TOP, struct())).valueSchema(),
            transform.apply(record(TOP, struct())).valueSchema());
    }

    @Test
    void keyVariantFlattensTheKey() {
        Flatten<SourceRecord> transform = new Flatten.Key<>();
        transform.configure(Map.of());
        SourceRecord result = transform.apply(new SourceRecord(null, null, "t", 0, null,
            Map.of("a", Map.of("b", 1)), Schema.STRING_SCHEMA, "v", 1L));
        assertEquals(Map.of("a.b", 1), result.key());
        assertEquals("v", result.value());
    }

    @Test
    void requiredFieldLeftNullInTheInputFails() {
        Schema schema = SchemaBuilder.struct().field("a", Schema.INT32_SCHEMA).build();
        assertThrows(DataException.class, () -> value(Map.of()).apply(record(schema, new Struct(schema))));
    }

    /** {@code optional struct{i16: optional INT16, s: optional STRING}} whose schema default is {@code {i16, s}}. */
    private static Schema defaultedNested(short i16, String s) {
        SchemaBuilder nested = SchemaBuilder.struct().optional()
            .field("i16", Schema.OPTIONAL_INT16_SCHEMA)
            .field("s", Schema.OPTIONAL_STRING_SCHEMA);
        nested.defaultValue(new Struct(nested).put("i16", i16).put("s", s));
        return nested.build();
    }

    private static Schema withNested(Schema nested) {
        return SchemaBuilder.struct().field("i32", Schema.INT32_SCHEMA).field("nested", nested).build();
    }

    @Test
    void nullNestedStructWithADefaultGivesLeafSchemaDefaultsAndNullValues() {
        Schema schema = withNested(defaultedNested((short) 1, "d"));
        for (Flatten<SourceRecord> transform : List.of(value(Map.of()), new Flatten.Key<SourceRecord>())) {
            transform.configure(Map.of());
            SourceRecord input = new SourceRecord(null, null, "t", 0, schema, new Struct(schema).put("i32", 1),
                schema, new Struct(schema).put("i32", 1), 42L);
            SourceRecord result = transform.apply(input);
            boolean key = transform instanceof Flatten.Key;
            Schema flatSchema = key ? result.keySchema() : result.valueSchema();
            Struct flat = (Struct) (key ? result.key() : result.value());
            assertEquals(List.of("i32", "nested.i16", "nested.s"), fieldNames(flatSchema));
            assertEquals(SchemaBuilder.int16().optional().defaultValue((short) 1).build(),
                flatSchema.field("nested.i16").schema(), "i16 takes its default from the parent's default struct");
            assertEquals(SchemaBuilder.string().optional().defaultValue("d").build(),
                flatSchema.field("nested.s").schema(), "s takes its default from the parent's default struct");
            assertEquals(Schema.INT32_SCHEMA, flatSchema.field("i32").schema());
            assertEquals(1, flat.getWithoutDefault("i32"));
            assertNull(flat.getWithoutDefault("nested.i16"), "the default struct's values are not copied in");
            assertNull(flat.getWithoutDefault("nested.s"), "the default struct's values are not copied in");
        }
    }

    @Test
    void presentNestedStructKeepsItsOwnValuesUnderDefaultedLeafSchemas() {
        Schema nested = defaultedNested((short) 1, "d");
        Schema schema = withNested(nested);
        SourceRecord result = value(Map.of()).apply(record(schema,
            new Struct(schema).put("i32", 1).put("nested", new Struct(nested).put("i16", (short) 5))));
        assertEquals((short) 1, result.valueSchema().field("nested.i16").schema().defaultValue());
        assertEquals("d", result.valueSchema().field("nested.s").schema().defaultValue());
        Struct flat = (Struct) result.value();
        assertEquals((short) 5, flat.getWithoutDefault("nested.i16"));
        assertNull(flat.getWithoutDefault("nested.s"), "a null leaf without a default of its own stays null");
    }

    @Test
    void leafOwnDefaultWinsOverTheParentDefaultStruct() {
        SchemaBuilder nestedBuilder = SchemaBuilder.struct().optional()
            .field("i16", SchemaBuilder.int16().optional().defaultValue((short) 7).build())
            .field("s", Schema.OPTIONAL_STRING_SCHEMA);
        nestedBuilder.defaultValue(new Struct(nestedBuilder).put("i16", (short) 1));
        Schema nested = nestedBuilder.build();
        Schema schema = withNested(nested);
        Flatten<SourceRecord> transform = value(Map.of());

        SourceRecord absent = transform.apply(record(schema, new Struct(schema).put("i32", 1)));
        assertEquals((short) 7, absent.valueSchema().field("nested.i16").schema().defaultValue());
        assertNull(absent.valueSchema().field("nested.s").schema().defaultValue(), "the parent default has no s");
        assertNull(((Struct) absent.value()).getWithoutDefault("nested.i16"));

        SourceRecord present = transform.apply(record(schema,
            new Struct(schema).put("i32", 1).put("nested", new Struct(nested))));
        assertEquals((short) 7, ((Struct) present.value()).getWithoutDefault("nested.i16"),
            "a null leaf of a present struct reads as its own default");
    }

    @Test
    void deeperNestingTakesTheNearestDefaultAndNeverCopiesDefaultValues() {
        SchemaBuilder innerBuilder = SchemaBuilder.struct().optional().field("y", Schema.OPTIONAL_INT16_SCHEMA);
        innerBuilder.defaultValue(new Struct(innerBuilder).put("y", (short) 5));
        Schema inner = innerBuilder.build();
        SchemaBuilder middleBuilder = SchemaBuilder.struct().optional()
            .field("b", inner).field("x", Schema.OPTIONAL_INT32_SCHEMA);
        middleBuilder.defaultValue(new Struct(middleBuilder).put("b", new Struct(inner).put("y", (short) 3)).put("x", 4));
        Schema middle = middleBuilder.build();
        Schema schema = SchemaBuilder.struct().field("a", middle).build();
        Flatten<SourceRecord> transform = value(Map.of());

        for (Struct input : List.of(new Struct(schema), new Struct(schema).put("a", new Struct(middle)))) {
            SourceRecord result = transform.apply(record(schema, input));
            assertEquals((short) 5, result.valueSchema().field("a.b.y").schema().defaultValue(),
                "b's own default wins over the b inside a's default");
            assertEquals(4, result.valueSchema().field("a.x").schema().defaultValue());
            Struct flat = (Struct) result.value();
            assertNull(flat.getWithoutDefault("a.b.y"), "a null b leaves its leaves null: " + input);
            assertNull(flat.getWithoutDefault("a.x"));
        }

        Schema noMiddleDefault = SchemaBuilder.struct().field("a", SchemaBuilder.struct().optional()
            .field("b", inner).field("x", Schema.OPTIONAL_INT32_SCHEMA).build()).build();
        Schema flatSchema = transform.apply(record(noMiddleDefault, new Struct(noMiddleDefault))).valueSchema();
        assertEquals((short) 5, flatSchema.field("a.b.y").schema().defaultValue());
        assertNull(flatSchema.field("a.x").schema().defaultValue());
    }

    @Test
    void requiredNestedStructWithADefaultGivesRequiredDefaultedLeaves() {
        SchemaBuilder nestedBuilder = SchemaBuilder.struct().field("i16", Schema.INT16_SCHEMA);
        nestedBuilder.defaultValue(new Struct(nestedBuilder).put("i16", (short) 1));
        Schema schema = SchemaBuilder.struct().field("nested", nestedBuilder.build()).build();
        SourceRecord result = value(Map.of()).apply(record(schema, new Struct(schema)));
        assertEquals(SchemaBuilder.int16().defaultValue((short) 1).build(),
            result.valueSchema().field("nested.i16").schema());
        assertNull(((Struct) result.value()).getWithoutDefault("nested.i16"));
    }

    @Test
    void topLevelSchemaDefaultDoesNotReachTheLeaves() {
        SchemaBuilder topBuilder = SchemaBuilder.struct().optional().field("i16", Schema.OPTIONAL_INT16_SCHEMA);
        topBuilder.defaultValue(new Struct(topBuilder).put("i16", (short) 3));
        Schema top = topBuilder.build();
        SourceRecord result = value(Map.of()).apply(record(top, new Struct(top)));
        assertEquals(Schema.OPTIONAL_INT16_SCHEMA, result.valueSchema().field("i16").schema());
        assertNull(((Struct) result.value()).getWithoutDefault("i16"));
    }

    @Test
    void schemasDifferingOnlyInANestedDefaultGetTheirOwnFlatSchemas() {
        Flatten<SourceRecord> transform = value(Map.of());
        Schema one = withNested(defaultedNested((short) 1, "d"));
        Schema two = withNested(defaultedNested((short) 2, "e"));
        Schema flatOne = transform.apply(record(one, new Struct(one).put("i32", 1))).valueSchema();
        Schema flatTwo = transform.apply(record(two, new Struct(two).put("i32", 1))).valueSchema();
        assertEquals((short) 1, flatOne.field("nested.i16").schema().defaultValue());
        assertEquals((short) 2, flatTwo.field("nested.i16").schema().defaultValue());
        assertSame(flatOne, transform.apply(record(one, new Struct(one).put("i32", 1))).valueSchema(),
            "the first schema's flat schema is still cached");
    }
}
