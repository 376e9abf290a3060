package org.apache.kafka.connect.data;

import org.apache.kafka.connect.errors.SchemaProjectorException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SchemaProjectorTest {

    private static String projectionError(Schema source, Object record, Schema target) {
        return assertThrows(SchemaProjectorException.class,
                () -> SchemaProjector.project(source, record, target)).getMessage();
    }

    @Test
    void numericTypesArePromotedToWiderTypes() {
        assertEquals(5, SchemaProjector.project(Schema.INT8_SCHEMA, (byte) 5, Schema.INT32_SCHEMA));
        assertEquals(1.0f, SchemaProjector.project(Schema.INT16_SCHEMA, (short) 1, Schema.FLOAT32_SCHEMA));
        assertEquals(5.0d, SchemaProjector.project(Schema.INT32_SCHEMA, 5, Schema.FLOAT64_SCHEMA));
        assertEquals(5.0f, SchemaProjector.project(Schema.INT64_SCHEMA, 5L, Schema.FLOAT32_SCHEMA));
        assertEquals(1.100000023841858d, SchemaProjector.project(Schema.FLOAT32_SCHEMA, 1.1f, Schema.FLOAT64_SCHEMA));
        assertEquals(4L, SchemaProjector.project(Schema.INT32_SCHEMA, 4, Schema.OPTIONAL_INT64_SCHEMA));
    }

    @Test
    void narrowingAndUnrelatedTypesAreRejected() {
        assertEquals("Schema type mismatch. source type: INT32 and target type: INT8",
                projectionError(Schema.INT32_SCHEMA, 5, Schema.INT8_SCHEMA));
        assertEquals("Schema type mismatch. source type: FLOAT64 and target type: FLOAT32",
                projectionError(Schema.FLOAT64_SCHEMA, 5.0, Schema.FLOAT32_SCHEMA));
        assertEquals("Schema type mismatch. source type: INT32 and target type: STRING",
                projectionError(Schema.INT32_SCHEMA, 5, Schema.STRING_SCHEMA));
    }

    @Test
    void sameTypeIsPassedThroughOrNormalized() {
        assertEquals(true, SchemaProjector.project(Schema.BOOLEAN_SCHEMA, true, Schema.BOOLEAN_SCHEMA));
        assertEquals((byte) 44, SchemaProjector.project(Schema.INT8_SCHEMA, 300, Schema.INT8_SCHEMA),
                "a number under a numeric schema is cast to the target's class");
        assertEquals("x", SchemaProjector.project(Schema.INT32_SCHEMA, "x", Schema.INT64_SCHEMA),
                "a non-number is passed through untouched");
    }

    @Test
    void optionalSourceNeedsDefaultInRequiredTarget() {
        String expected = "Writer schema is optional, however, target schema does not provide a default value.";
        assertEquals(expected, projectionError(Schema.OPTIONAL_INT32_SCHEMA, null, Schema.INT32_SCHEMA));
        assertEquals(expected, projectionError(Schema.OPTIONAL_INT32_SCHEMA, 3, Schema.INT32_SCHEMA));
        Schema withDefault = SchemaBuilder.int32().defaultValue(9).build();
        assertEquals(9, SchemaProjector.project(Schema.OPTIONAL_INT32_SCHEMA, null, withDefault));
        assertEquals(3, SchemaProjector.project(Schema.OPTIONAL_INT32_SCHEMA, 3, withDefault));
        assertNull(SchemaProjector.project(Schema.OPTIONAL_INT32_SCHEMA, null, Schema.OPTIONAL_INT32_SCHEMA));
    }

    @Test
    void namesAndParametersMustMatchButVersionAndDocMayDiffer() {
        assertEquals("Schema name mismatch. source name: a and target name: b", projectionError(
                SchemaBuilder.int32().name("a").build(), 4, SchemaBuilder.int32().name("b").build()));
        assertEquals("Schema parameters not equal. source parameters: {scale=2} and target parameters: {scale=3}",
                projectionError(Decimal.schema(2), new BigDecimal("1.23"), Decimal.schema(3)));
        assertEquals("Schema name mismatch. source name: org.apache.kafka.connect.data.Date and target name: null",
                projectionError(Date.SCHEMA, new java.util.Date(0), Schema.INT32_SCHEMA));
        assertEquals(4, SchemaProjector.project(SchemaBuilder.int32().version(1).doc("x").build(), 4,
                SchemaBuilder.int32().version(2).doc("y").build()));
    }

    @Test
    void structFieldsAreProjectedByNameWithDefaultsForMissingOnes() {
        Schema source = SchemaBuilder.struct().name("r").field("a", Schema.INT32_SCHEMA)
                .field("b", Schema.OPTIONAL_STRING_SCHEMA).build();
        Schema target = SchemaBuilder.struct().name("r").field("a", Schema.INT64_SCHEMA)
                .field("c", SchemaBuilder.string().defaultValue("cc").build())
                .field("d", Schema.OPTIONAL_INT32_SCHEMA).build();
        Struct projected = (Struct) SchemaProjector.project(source, new Struct(source).put("a", 1).put("b", "x"), target);
        assertEquals(new Struct(target).put("a", 1L).put("c", "cc"), projected);
        assertNull(projected.get("d"));
    }

    @Test
    void structProjectionUsesSourceDefaults() {
        Schema source = SchemaBuilder.struct().field("a", SchemaBuilder.int32().optional().defaultValue(7).build())
                .build();
        Schema target = SchemaBuilder.struct().field("a", Schema.OPTIONAL_INT32_SCHEMA).build();
        assertEquals(7, ((Struct) SchemaProjector.project(source, new Struct(source), target)).get("a"));
    }

    @Test
    void structProjectionFailsForMissingRequiredField() {
        Schema source = SchemaBuilder.struct().name("r").field("a", Schema.INT32_SCHEMA).build();
        Schema target = SchemaBuilder.struct().name("r").field("e", Schema.INT32_SCHEMA).build();
        assertEquals("Required field `e` is missing from source schema: Schema{r:STRUCT}",
                projectionError(source, new Struct(source).put("a", 1), target));
    }

    @Test
    void structFieldFailureNamesTheField() {
        Schema source = SchemaBuilder.struct().field("a", Schema.INT32_SCHEMA).build();
        Schema target = SchemaBuilder.struct().field("a", Schema.STRING_SCHEMA).build();
        SchemaProjectorException e = assertThrows(SchemaProjectorException.class,
                () -> SchemaProjector.project(source, new Struct(source).put("a", 1), target));
        assertEquals("Error projecting a", e.getMessage());
        assertInstanceOf(SchemaProjectorException.class, e.getCause());
    }

    @Test
    void arraysAndMapsAreProjectedElementWise() {
        assertEquals(List.of(1L, 2L), SchemaProjector.project(SchemaBuilder.array(Schema.INT32_SCHEMA).build(),
                List.of(1, 2), SchemaBuilder.array(Schema.INT64_SCHEMA).build()));
        assertEquals(Arrays.asList(1L, null), SchemaProjector.project(
                SchemaBuilder.array(Schema.INT32_SCHEMA).build(), Arrays.asList(1, null),
                SchemaBuilder.array(Schema.INT64_SCHEMA).build()));
        assertEquals(Map.of((short) 1, 2.0f), SchemaProjector.project(
                SchemaBuilder.map(Schema.INT8_SCHEMA, Schema.INT32_SCHEMA).build(), Map.of((byte) 1, 2),
                SchemaBuilder.map(Schema.INT16_SCHEMA, Schema.FLOAT32_SCHEMA).build()));
        assertEquals("Schema type mismatch. source type: INT32 and target type: STRING", projectionError(
                SchemaBuilder.map(Schema.INT32_SCHEMA, Schema.INT32_SCHEMA).build(), Map.of(1, 1),
                SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build()));
    }

    @Test
    void logicalValuesProjectOntoTheSameLogicalType() {
        assertEquals(new java.util.Date(0), SchemaProjector.project(Date.SCHEMA, new java.util.Date(0), Date.SCHEMA));
        assertEquals(new BigDecimal("1.23"),
                SchemaProjector.project(Decimal.schema(2), new BigDecimal("1.23"), Decimal.schema(2)));
    }
}
