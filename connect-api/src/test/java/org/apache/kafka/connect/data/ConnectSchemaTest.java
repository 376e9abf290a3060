package org.apache.kafka.connect.data;

import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConnectSchemaTest {

    private static String validationError(Schema schema, Object value) {
        return assertThrows(DataException.class, () -> ConnectSchema.validateValue(schema, value)).getMessage();
    }

    private static String validationError(String field, Schema schema, Object value) {
        return assertThrows(DataException.class, () -> ConnectSchema.validateValue(field, schema, value)).getMessage();
    }

    @Test
    void validateValueAcceptsTheJavaClassOfEachType() {
        assertDoesNotThrow(() -> {
            ConnectSchema.validateValue(Schema.INT8_SCHEMA, (byte) 1);
            ConnectSchema.validateValue(Schema.INT16_SCHEMA, (short) 1);
            ConnectSchema.validateValue(Schema.INT32_SCHEMA, 1);
            ConnectSchema.validateValue(Schema.INT64_SCHEMA, 1L);
            ConnectSchema.validateValue(Schema.FLOAT32_SCHEMA, 1f);
            ConnectSchema.validateValue(Schema.FLOAT64_SCHEMA, 1d);
            ConnectSchema.validateValue(Schema.BOOLEAN_SCHEMA, true);
            ConnectSchema.validateValue(Schema.STRING_SCHEMA, "s");
            ConnectSchema.validateValue(Schema.BYTES_SCHEMA, new byte[]{1});
            ConnectSchema.validateValue(Schema.BYTES_SCHEMA, ByteBuffer.wrap(new byte[]{1}));
            ConnectSchema.validateValue(SchemaBuilder.array(Schema.INT32_SCHEMA).build(), new LinkedList<>(List.of(1)));
            ConnectSchema.validateValue(SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build(),
                    Map.of("a", 1));
            ConnectSchema.validateValue(Decimal.schema(2), new BigDecimal("1.23"));
            ConnectSchema.validateValue(Timestamp.SCHEMA, new java.util.Date(5));
        });
    }

    @Test
    void validateValueRejectsNullForRequiredSchema() {
        assertEquals("Invalid value: null used for required value, schema type: INT32",
                validationError(Schema.INT32_SCHEMA, null));
        assertEquals("Invalid value: null used for required field: \"id\", schema type: INT32",
                validationError("id", Schema.INT32_SCHEMA, null));
        assertDoesNotThrow(() -> ConnectSchema.validateValue(Schema.OPTIONAL_INT32_SCHEMA, null));
    }

    @Test
    void validateValueRejectsWrongClassNamingSchemaAndField() {
        assertEquals("Invalid Java object for schema with type INT32: class java.lang.Long for value",
                validationError(Schema.INT32_SCHEMA, 1L));
        assertEquals("Invalid Java object for schema \"nm\" with type INT32: class java.lang.Long for value",
                validationError(SchemaBuilder.int32().name("nm").build(), 1L));
        assertEquals("Invalid Java object for schema with type INT32: class java.lang.Long for field: \"f\"",
                validationError("f", Schema.INT32_SCHEMA, 1L));
    }

    @Test
    void logicalTypesRequireTheirLogicalClass() {
        assertEquals("Invalid Java object for schema \"org.apache.kafka.connect.data.Decimal\" with type BYTES: "
                + "class [B for value", validationError(Decimal.schema(2), new byte[1]));
        assertEquals("Invalid Java object for schema \"org.apache.kafka.connect.data.Date\" with type INT32: "
                + "class java.lang.Integer for value", validationError(Date.SCHEMA, 1));
    }

    @Test
    void unknownLogicalNameValidatesAsItsPlainType() {
        assertDoesNotThrow(() -> ConnectSchema.validateValue(SchemaBuilder.int32().name("x.y").build(), 1));
    }

    @Test
    void containerElementsAreValidatedWithTheirPosition() {
        Schema ints = SchemaBuilder.array(Schema.INT32_SCHEMA).build();
        assertEquals("Invalid Java object for schema with type INT32: class java.lang.String for element of array value",
                validationError(ints, List.of(1, "a")));
        assertEquals("Invalid value: null used for required element of array field: \"arr\", schema type: INT32",
                validationError("arr", ints, Arrays.asList(1, null)));

        Schema map = SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build();
        assertEquals("Invalid Java object for schema with type STRING: class java.lang.Integer for key of map value",
                validationError(map, Map.of(1, 1)));
        assertEquals("Invalid Java object for schema with type INT32: class java.lang.String for value of map value",
                validationError(map, Map.of("a", "b")));
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("a", null);
        assertEquals("Invalid value: null used for required value of map field: \"mm\", schema type: INT32",
                validationError("mm", map, withNull));
    }

    @Test
    void structValueMustHaveAnEqualSchemaAndBeValid() {
        Schema s1 = SchemaBuilder.struct().name("s1").field("a", Schema.INT32_SCHEMA).build();
        Schema s2 = SchemaBuilder.struct().name("s2").field("a", Schema.INT32_SCHEMA).build();
        assertEquals("Struct schemas do not match.", validationError(s1, new Struct(s2).put("a", 1)));
        assertEquals("Invalid value: null used for required field: \"a\", schema type: INT32",
                validationError(s1, new Struct(s1)));
        Schema equalToS1 = SchemaBuilder.struct().name("s1").field("a", Schema.INT32_SCHEMA).build();
        assertDoesNotThrow(() -> ConnectSchema.validateValue(s1, new Struct(equalToS1).put("a", 1)));
    }

    @Test
    void lookupsFailOnTheWrongType() {
        assertEquals("Cannot list fields on non-struct type",
                assertThrows(DataException.class, () -> Schema.INT32_SCHEMA.fields()).getMessage());
        assertEquals("Cannot look up fields on non-struct type",
                assertThrows(DataException.class, () -> Schema.INT32_SCHEMA.field("x")).getMessage());
        assertEquals("Cannot look up key schema on non-map type", assertThrows(DataException.class,
                () -> SchemaBuilder.array(Schema.INT8_SCHEMA).build().keySchema()).getMessage());
        assertEquals("Cannot look up value schema on non-array and non-map type",
                assertThrows(DataException.class, () -> Schema.INT32_SCHEMA.valueSchema()).getMessage());
    }

    @Test
    void structWithoutFieldsHasEmptyFieldList() {
        assertEquals(List.of(), new ConnectSchema(Schema.Type.STRUCT).fields());
    }

    @Test
    void constructorDoesNotValidateTheDefault() {
        assertEquals("x", new ConnectSchema(Schema.Type.INT32, false, "x", null, null, null).defaultValue());
    }

    @Test
    void schemaTypeMapsClassesAndSubclasses() {
        assertEquals(Schema.Type.INT32, ConnectSchema.schemaType(Integer.class));
        assertEquals(Schema.Type.BYTES, ConnectSchema.schemaType(byte[].class));
        assertEquals(Schema.Type.BYTES, ConnectSchema.schemaType(ByteBuffer.wrap(new byte[0]).getClass()));
        assertEquals(Schema.Type.ARRAY, ConnectSchema.schemaType(ArrayList.class));
        assertEquals(Schema.Type.MAP, ConnectSchema.schemaType(HashMap.class));
        assertEquals(Schema.Type.STRUCT, ConnectSchema.schemaType(Struct.class));
        assertNull(ConnectSchema.schemaType(BigDecimal.class), "logical classes have no plain type");
        assertNull(ConnectSchema.schemaType(java.util.Date.class));
        assertNull(ConnectSchema.schemaType(Object.class));
        assertNull(ConnectSchema.schemaType(int.class));
    }

    @Test
    void equalsComparesEverySetting() {
        assertEquals(SchemaBuilder.bytes().defaultValue(new byte[]{1}).build(),
                SchemaBuilder.bytes().defaultValue(new byte[]{1}).build(), "byte[] defaults compare by content");
        assertNotEquals(SchemaBuilder.int32().doc("a").build(), SchemaBuilder.int32().doc("b").build());
        assertNotEquals(SchemaBuilder.int32().version(1).build(), Schema.INT32_SCHEMA);
        assertNotEquals(SchemaBuilder.int32().parameter("a", "b").build(), Schema.INT32_SCHEMA);
        assertNotEquals(Schema.OPTIONAL_INT32_SCHEMA, Schema.INT32_SCHEMA);
        assertNotEquals(SchemaBuilder.int32(), Schema.INT32_SCHEMA, "a builder never equals a built schema");
        assertEquals(new ConnectSchema(Schema.Type.INT32), Schema.INT32_SCHEMA);
    }

    @Test
    void equalSchemasHaveEqualHashCodes() {
        Schema a = SchemaBuilder.struct().name("r").field("x", SchemaBuilder.map(Schema.STRING_SCHEMA,
                Schema.INT32_SCHEMA).build()).doc("d").version(3).build();
        Schema b = SchemaBuilder.struct().name("r").field("x", SchemaBuilder.map(Schema.STRING_SCHEMA,
                Schema.INT32_SCHEMA).build()).doc("d").version(3).build();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
    }

    @Test
    void toStringShowsNameAndType() {
        assertEquals("Schema{INT8}", Schema.INT8_SCHEMA.toString());
        assertEquals("Schema{foo:INT32}", SchemaBuilder.int32().name("foo").build().toString());
        assertEquals("Schema{org.apache.kafka.connect.data.Date:INT32}", Date.SCHEMA.toString());
    }

    @Test
    void typeNamesAndPrimitiveness() {
        assertEquals("float32", Schema.Type.FLOAT32.getName());
        assertEquals("struct", Schema.Type.STRUCT.getName());
        assertEquals(true, Schema.Type.BYTES.isPrimitive());
        assertEquals(false, Schema.Type.ARRAY.isPrimitive());
        assertEquals(false, Schema.Type.MAP.isPrimitive());
    }

    @Test
    void fieldAndSchemaAndValueValueSemantics() {
        Field field = new Field("a", 0, Schema.INT32_SCHEMA);
        assertEquals("Field{name=a, index=0, schema=Schema{INT32}}", field.toString());
        assertEquals(new Field("a", 0, Schema.INT32_SCHEMA), field);
        assertNotEquals(new Field("a", 1, Schema.INT32_SCHEMA), field);

        assertEquals("SchemaAndValue{schema=Schema{INT32}, value=3}",
                new SchemaAndValue(Schema.INT32_SCHEMA, 3).toString());
        assertEquals("SchemaAndValue{schema=null, value=null}", SchemaAndValue.NULL.toString());
        assertEquals(new SchemaAndValue(Schema.INT32_SCHEMA, 3), new SchemaAndValue(Schema.INT32_SCHEMA, 3));
        assertNotEquals(new SchemaAndValue(Schema.BYTES_SCHEMA, new byte[]{1}),
                new SchemaAndValue(Schema.BYTES_SCHEMA, new byte[]{1}), "byte[] values compare by identity");
    }
}
