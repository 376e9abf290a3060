package org.apache.kafka.connect.data;

import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.SchemaBuilderException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaBuilderTest {

    @Test
    void builtSchemaCarriesEverySetting() {
        Schema schema = SchemaBuilder.int32().name("count").version(2).doc("how many").parameter("unit", "items")
                .optional().defaultValue(7).build();
        assertEquals(Schema.Type.INT32, schema.type());
        assertEquals("count", schema.name());
        assertEquals(2, schema.version());
        assertEquals("how many", schema.doc());
        assertEquals(Map.of("unit", "items"), schema.parameters());
        assertTrue(schema.isOptional());
        assertEquals(7, schema.defaultValue());
        assertInstanceOf(ConnectSchema.class, schema);
    }

    @Test
    void unsetSettingsAreNullAndSchemaIsRequired() {
        Schema schema = SchemaBuilder.string().build();
        assertNull(schema.name());
        assertNull(schema.version());
        assertNull(schema.doc());
        assertNull(schema.parameters(), "no parameters means null, not an empty map");
        assertNull(schema.defaultValue());
        assertFalse(schema.isOptional());
    }

    @Test
    void builderRejectsNullType() {
        SchemaBuilderException e = assertThrows(SchemaBuilderException.class, () -> new SchemaBuilder(null));
        assertEquals("type cannot be null", e.getMessage());
        assertThrows(SchemaBuilderException.class, () -> SchemaBuilder.type(null));
    }

    @Test
    void settingNameTwiceWithDifferentValueThrows() {
        SchemaBuilderException e = assertThrows(SchemaBuilderException.class,
                () -> SchemaBuilder.int32().name("a").name("b"));
        assertEquals("Invalid SchemaBuilder call: name has already been set.", e.getMessage());
    }

    @Test
    void settingNameTwiceWithSameInstanceIsAllowed() {
        String name = "a";
        assertEquals("a", SchemaBuilder.int32().name(name).name(name).name());
    }

    @Test
    void settingNameTwiceWithEqualButDistinctStringThrowsAsInApache() {
        assertThrows(SchemaBuilderException.class, () -> SchemaBuilder.int32().name("a").name(new String("a")));
    }

    @Test
    void settingVersionDocDefaultAndOptionalityTwiceThrows() {
        assertEquals("Invalid SchemaBuilder call: version has already been set.",
                assertThrows(SchemaBuilderException.class, () -> SchemaBuilder.int32().version(1).version(2))
                        .getMessage());
        assertEquals("Invalid SchemaBuilder call: doc has already been set.",
                assertThrows(SchemaBuilderException.class, () -> SchemaBuilder.int32().doc("a").doc("b"))
                        .getMessage());
        assertEquals("Invalid SchemaBuilder call: default has already been set.",
                assertThrows(SchemaBuilderException.class, () -> SchemaBuilder.int32().defaultValue(1).defaultValue(2))
                        .getMessage());
        assertEquals("Invalid SchemaBuilder call: optional has already been set.",
                assertThrows(SchemaBuilderException.class, () -> SchemaBuilder.int32().optional().required())
                        .getMessage());
    }

    @Test
    void repeatingOptionalIsAllowed() {
        assertTrue(SchemaBuilder.int32().optional().optional().isOptional());
    }

    @Test
    void defaultValueMustMatchTheType() {
        SchemaBuilderException e = assertThrows(SchemaBuilderException.class,
                () -> SchemaBuilder.int32().defaultValue("x"));
        assertEquals("Invalid default value", e.getMessage());
        assertInstanceOf(DataException.class, e.getCause());
        assertEquals("Invalid Java object for schema with type INT32: class java.lang.String for value",
                e.getCause().getMessage());
    }

    @Test
    void nullDefaultIsRejectedForRequiredSchemaAndAllowedForOptional() {
        SchemaBuilderException e = assertThrows(SchemaBuilderException.class,
                () -> SchemaBuilder.int32().defaultValue(null));
        assertEquals("Invalid value: null used for required value, schema type: INT32", e.getCause().getMessage());
        assertNull(SchemaBuilder.int32().optional().defaultValue(null).build().defaultValue());
    }

    @Test
    void logicalDefaultMustBeTheLogicalClass() {
        assertThrows(SchemaBuilderException.class, () -> Date.builder().defaultValue(0));
        assertEquals(new java.util.Date(0), Date.builder().defaultValue(new java.util.Date(0)).build().defaultValue());
    }

    @Test
    void fieldsKeepInsertionOrderAndIndexes() {
        Schema schema = SchemaBuilder.struct().field("b", Schema.STRING_SCHEMA).field("a", Schema.INT8_SCHEMA).build();
        assertEquals(List.of(new Field("b", 0, Schema.STRING_SCHEMA), new Field("a", 1, Schema.INT8_SCHEMA)),
                schema.fields());
        assertEquals(1, schema.field("a").index());
        assertNull(schema.field("missing"));
    }

    @Test
    void duplicateFieldNameThrows() {
        SchemaBuilderException e = assertThrows(SchemaBuilderException.class,
                () -> SchemaBuilder.struct().field("id", Schema.INT32_SCHEMA).field("id", Schema.STRING_SCHEMA));
        assertEquals("Cannot create field because of field name duplication id", e.getMessage());
    }

    @Test
    void fieldsAreOnlyAllowedOnStructs() {
        SchemaBuilderException e = assertThrows(SchemaBuilderException.class,
                () -> SchemaBuilder.int32().field("a", Schema.INT32_SCHEMA));
        assertEquals("Cannot create fields on type INT32", e.getMessage());
        assertEquals("Cannot list fields on non-struct type",
                assertThrows(DataException.class, () -> SchemaBuilder.int32().fields()).getMessage());
        assertEquals("Cannot look up fields on non-struct type",
                assertThrows(DataException.class, () -> SchemaBuilder.int32().field("a")).getMessage());
    }

    @Test
    void fieldNameAndSchemaAreRequired() {
        assertEquals("fieldName cannot be null.", assertThrows(SchemaBuilderException.class,
                () -> SchemaBuilder.struct().field(null, Schema.INT32_SCHEMA)).getMessage());
        assertEquals("fieldName cannot be null.", assertThrows(SchemaBuilderException.class,
                () -> SchemaBuilder.struct().field("", Schema.INT32_SCHEMA)).getMessage());
        assertEquals("fieldSchema for field a cannot be null.", assertThrows(SchemaBuilderException.class,
                () -> SchemaBuilder.struct().field("a", null)).getMessage());
    }

    @Test
    void arrayAndMapFactoriesRequireTheirSchemas() {
        assertEquals("valueSchema cannot be null.",
                assertThrows(SchemaBuilderException.class, () -> SchemaBuilder.array(null)).getMessage());
        assertEquals("keySchema cannot be null.", assertThrows(SchemaBuilderException.class,
                () -> SchemaBuilder.map(null, Schema.INT32_SCHEMA)).getMessage());
        assertEquals("valueSchema cannot be null.", assertThrows(SchemaBuilderException.class,
                () -> SchemaBuilder.map(Schema.INT32_SCHEMA, null)).getMessage());
    }

    @Test
    void arrayAndMapSchemasExposeTheirElementSchemas() {
        Schema array = SchemaBuilder.array(Schema.INT16_SCHEMA).build();
        assertEquals(Schema.INT16_SCHEMA, array.valueSchema());
        Schema map = SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.FLOAT64_SCHEMA).build();
        assertEquals(Schema.STRING_SCHEMA, map.keySchema());
        assertEquals(Schema.FLOAT64_SCHEMA, map.valueSchema());
    }

    @Test
    void laterParameterReplacesEarlierOneAndEmptyMapLeavesParametersUnset() {
        assertEquals(Map.of("a", "c"), SchemaBuilder.int32().parameter("a", "b").parameter("a", "c").parameters());
        assertEquals(Map.of("a", "1", "b", "2"),
                SchemaBuilder.int32().parameter("a", "1").parameters(Map.of("b", "2")).parameters());
        assertNull(SchemaBuilder.int32().parameters(Map.of()).build().parameters());
    }

    @Test
    void builtCollectionsAreUnmodifiable() {
        Schema schema = SchemaBuilder.struct().field("a", Schema.INT32_SCHEMA).parameter("p", "v").build();
        assertThrows(UnsupportedOperationException.class, () -> schema.fields().add(null));
        assertThrows(UnsupportedOperationException.class, () -> schema.parameters().put("x", "y"));
    }

    @Test
    void builderComparesByIdentityAndBuildsEqualSchemas() {
        SchemaBuilder builder = SchemaBuilder.int64().name("n");
        assertNotEquals(SchemaBuilder.int64().name("n"), builder);
        assertEquals(builder.build(), builder.build());
        assertEquals(builder.build(), builder.schema());
    }
}
