package org.apache.kafka.connect.data;

import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StructTest {

    private static final Schema PERSON = SchemaBuilder.struct().name("person")
            .field("id", Schema.INT32_SCHEMA)
            .field("nick", SchemaBuilder.string().optional().defaultValue("anon").build())
            .field("age", Schema.OPTIONAL_INT64_SCHEMA)
            .build();

    @Test
    void constructorRejectsNonStructSchema() {
        assertEquals("Not a struct schema: Schema{INT32}",
                assertThrows(DataException.class, () -> new Struct(Schema.INT32_SCHEMA)).getMessage());
    }

    @Test
    void getFallsBackToDefaultButGetWithoutDefaultAndTypedGettersDoNot() {
        Struct struct = new Struct(PERSON);
        assertEquals("anon", struct.get("nick"));
        assertEquals("anon", struct.get(PERSON.field("nick")));
        assertNull(struct.getWithoutDefault("nick"));
        assertNull(struct.getString("nick"), "typed getters return the value that was put");
    }

    @Test
    void typedGettersReturnValuesOfTheirType() {
        Schema all = SchemaBuilder.struct()
                .field("i8", Schema.INT8_SCHEMA).field("i16", Schema.INT16_SCHEMA)
                .field("i32", Schema.INT32_SCHEMA).field("i64", Schema.INT64_SCHEMA)
                .field("f32", Schema.FLOAT32_SCHEMA).field("f64", Schema.FLOAT64_SCHEMA)
                .field("b", Schema.BOOLEAN_SCHEMA).field("s", Schema.STRING_SCHEMA)
                .field("bytes", Schema.BYTES_SCHEMA)
                .field("arr", SchemaBuilder.array(Schema.INT32_SCHEMA).build())
                .field("map", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build())
                .field("nested", PERSON)
                .build();
        Struct nested = new Struct(PERSON).put("id", 9);
        Struct struct = new Struct(all).put("i8", (byte) 1).put("i16", (short) 2).put("i32", 3).put("i64", 4L)
                .put("f32", 5.5f).put("f64", 6.5d).put("b", true).put("s", "x").put("bytes", new byte[]{7})
                .put("arr", List.of(8)).put("map", Map.of("k", 9)).put("nested", nested);
        assertEquals((byte) 1, struct.getInt8("i8"));
        assertEquals((short) 2, struct.getInt16("i16"));
        assertEquals(3, struct.getInt32("i32"));
        assertEquals(4L, struct.getInt64("i64"));
        assertEquals(5.5f, struct.getFloat32("f32"));
        assertEquals(6.5d, struct.getFloat64("f64"));
        assertEquals(true, struct.getBoolean("b"));
        assertEquals("x", struct.getString("s"));
        assertArrayEquals(new byte[]{7}, struct.getBytes("bytes"));
        assertEquals(List.of(8), struct.<Integer>getArray("arr"));
        assertEquals(Map.of("k", 9), struct.<String, Integer>getMap("map"));
        assertSame(nested, struct.getStruct("nested"));
    }

    @Test
    void typedGetterRejectsFieldOfAnotherType() {
        Struct struct = new Struct(PERSON).put("id", 1);
        assertEquals("Field 'id' is not of type INT64",
                assertThrows(DataException.class, () -> struct.getInt64("id")).getMessage());
        assertEquals("Field 'id' is not of type STRUCT",
                assertThrows(DataException.class, () -> struct.getStruct("id")).getMessage());
    }

    @Test
    void getBytesUnwrapsByteBuffer() {
        Schema schema = SchemaBuilder.struct().field("x", Schema.BYTES_SCHEMA).build();
        Struct struct = new Struct(schema).put("x", ByteBuffer.wrap(new byte[]{9}));
        assertArrayEquals(new byte[]{9}, struct.getBytes("x"));
        assertEquals(ByteBuffer.wrap(new byte[]{9}), struct.get("x"), "get returns what was put");
    }

    @Test
    void unknownFieldNameIsRejected() {
        Struct struct = new Struct(PERSON);
        assertEquals("zz is not a valid field name", assertThrows(DataException.class, () -> struct.get("zz")).getMessage());
        assertThrows(DataException.class, () -> struct.getInt32("zz"));
        assertThrows(DataException.class, () -> struct.getWithoutDefault("zz"));
        assertThrows(DataException.class, () -> struct.put("zz", 1));
    }

    @Test
    void structPutRejectsValueOfWrongType() {
        assertEquals("Invalid Java object for schema with type INT32: class java.lang.String for field: \"id\"",
                assertThrows(DataException.class, () -> new Struct(PERSON).put("id", "x")).getMessage());
    }

    @Test
    void structPutRejectsNullForRequiredField() {
        assertEquals("Invalid value: null used for required field: \"id\", schema type: INT32",
                assertThrows(DataException.class, () -> new Struct(PERSON).put("id", null)).getMessage());
    }

    @Test
    void structPutRejectsNullField() {
        assertEquals("field cannot be null.",
                assertThrows(DataException.class, () -> new Struct(PERSON).put((Field) null, 1)).getMessage());
    }

    @Test
    void structPutRejectsLogicalValueInRawForm() {
        Schema schema = SchemaBuilder.struct().field("d", Date.SCHEMA).build();
        assertEquals("Invalid Java object for schema \"org.apache.kafka.connect.data.Date\" with type INT32: "
                + "class java.lang.Integer for field: \"d\"",
                assertThrows(DataException.class, () -> new Struct(schema).put("d", 0)).getMessage());
    }

    @Test
    void structPutRejectsNestedStructOfAnotherSchema() {
        Schema outer = SchemaBuilder.struct().field("p", PERSON).build();
        Schema other = SchemaBuilder.struct().field("id", Schema.INT32_SCHEMA).build();
        assertEquals("Struct schemas do not match.", assertThrows(DataException.class,
                () -> new Struct(outer).put("p", new Struct(other).put("id", 1))).getMessage());
    }

    @Test
    void validateReportsMissingRequiredField() {
        assertEquals("Invalid value: null used for required field: \"id\", schema type: INT32",
                assertThrows(DataException.class, () -> new Struct(PERSON).validate()).getMessage());
        assertDoesNotThrow(() -> new Struct(PERSON).put("id", 1).validate());
    }

    @Test
    void validateAcceptsRequiredFieldThatHasADefault() {
        Schema schema = SchemaBuilder.struct().field("a", SchemaBuilder.int32().defaultValue(4).build()).build();
        Struct struct = new Struct(schema);
        assertDoesNotThrow(struct::validate);
        assertNull(struct.getInt32("a"));
        assertEquals(4, struct.get("a"));
    }

    @Test
    void equalsComparesSchemaAndValuesDeeply() {
        Schema bytes = SchemaBuilder.struct().field("x", Schema.BYTES_SCHEMA).build();
        assertEquals(new Struct(bytes).put("x", new byte[]{1}), new Struct(bytes).put("x", new byte[]{1}));
        assertEquals(new Struct(PERSON).put("id", 1).hashCode(), new Struct(PERSON).put("id", 1).hashCode());
        assertNotEquals(new Struct(PERSON).put("id", 1), new Struct(PERSON).put("id", 1).put("nick", "anon"),
                "an explicit value differs from an absent one even when it equals the default");
    }

    @Test
    void toStringListsFieldsWithValuesOnly() {
        assertEquals("Struct{}", new Struct(PERSON).toString());
        assertEquals("Struct{id=1,age=5}", new Struct(PERSON).put("id", 1).put("age", 5L).toString());
    }
}
