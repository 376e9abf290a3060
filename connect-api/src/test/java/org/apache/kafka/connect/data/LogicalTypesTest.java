package org.apache.kafka.connect.data;

import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LogicalTypesTest {

    private static final long DAY = 86_400_000L;

    @Test
    void logicalSchemasAreNamedVersionedAndRequired() {
        assertEquals(SchemaBuilder.int32().name(Date.LOGICAL_NAME).version(1).build(), Date.SCHEMA);
        assertEquals(SchemaBuilder.int32().name(Time.LOGICAL_NAME).version(1).build(), Time.SCHEMA);
        assertEquals(SchemaBuilder.int64().name(Timestamp.LOGICAL_NAME).version(1).build(), Timestamp.SCHEMA);
        assertEquals(Map.of("scale", "2"), Decimal.schema(2).parameters());
        assertEquals(1, Decimal.schema(2).version());
        assertEquals(Schema.Type.BYTES, Decimal.schema(2).type());
        assertFalse(Date.SCHEMA.isOptional());
    }

    @Test
    void dateConvertsDaysSinceEpochIncludingBefore1970() {
        assertEquals(0, Date.fromLogical(Date.SCHEMA, new java.util.Date(0)));
        assertEquals(-1, Date.fromLogical(Date.SCHEMA, new java.util.Date(-DAY)));
        assertEquals(18262, Date.fromLogical(Date.SCHEMA, new java.util.Date(18262 * DAY)));
        assertEquals(new java.util.Date(DAY), Date.toLogical(Date.SCHEMA, 1));
        assertEquals(new java.util.Date(-DAY), Date.toLogical(Date.SCHEMA, -1));
        assertEquals(new java.util.Date(Integer.MAX_VALUE * DAY), Date.toLogical(Date.SCHEMA, Integer.MAX_VALUE));
    }

    @Test
    void dateRejectsTimeOfDay() {
        String expected = "Kafka Connect Date type should not have any time fields set to non-zero values.";
        assertEquals(expected, assertThrows(DataException.class,
                () -> Date.fromLogical(Date.SCHEMA, new java.util.Date(DAY / 2))).getMessage());
        assertEquals(expected, assertThrows(DataException.class,
                () -> Date.fromLogical(Date.SCHEMA, new java.util.Date(1))).getMessage());
        assertEquals(expected, assertThrows(DataException.class,
                () -> Date.fromLogical(Date.SCHEMA, new java.util.Date(-1))).getMessage());
    }

    @Test
    void dateRejectsSchemaWithOtherName() {
        String expected = "Requested conversion of Date object but the schema does not match.";
        assertEquals(expected, assertThrows(DataException.class,
                () -> Date.fromLogical(Schema.INT32_SCHEMA, new java.util.Date(0))).getMessage());
        assertEquals(expected, assertThrows(DataException.class,
                () -> Date.toLogical(Schema.INT32_SCHEMA, 1)).getMessage());
    }

    @Test
    void timeAcceptsMillisWithinOneDayInclusive() {
        assertEquals(0, Time.fromLogical(Time.SCHEMA, new java.util.Date(0)));
        assertEquals(86_399_999, Time.fromLogical(Time.SCHEMA, new java.util.Date(DAY - 1)));
        assertEquals(86_400_000, Time.fromLogical(Time.SCHEMA, new java.util.Date(DAY)));
        assertEquals(new java.util.Date(DAY), Time.toLogical(Time.SCHEMA, (int) DAY));
        assertEquals(new java.util.Date(45_296_789), Time.toLogical(Time.SCHEMA, 45_296_789));
    }

    @Test
    void timeRejectsValuesOutsideOneDay() {
        assertEquals("Kafka Connect Time type should not have any date fields set to non-zero values.",
                assertThrows(DataException.class, () -> Time.fromLogical(Time.SCHEMA, new java.util.Date(-1)))
                        .getMessage());
        assertThrows(DataException.class, () -> Time.fromLogical(Time.SCHEMA, new java.util.Date(DAY + 1)));
        String range = "Time values must use number of milliseconds greater than 0 and less than 86400000";
        assertEquals(range, assertThrows(DataException.class, () -> Time.toLogical(Time.SCHEMA, -1)).getMessage());
        assertEquals(range, assertThrows(DataException.class,
                () -> Time.toLogical(Time.SCHEMA, (int) DAY + 1)).getMessage());
    }

    @Test
    void timeRejectsSchemaWithOtherName() {
        assertEquals("Requested conversion of Time object but the schema does not match.", assertThrows(
                DataException.class, () -> Time.fromLogical(Schema.INT32_SCHEMA, new java.util.Date(0))).getMessage());
        assertEquals("Requested conversion of Date object but the schema does not match.",
                assertThrows(DataException.class, () -> Time.toLogical(Schema.INT32_SCHEMA, 1)).getMessage(),
                "Apache's message for this direction names Date");
    }

    @Test
    void timestampIsMillisSinceEpoch() {
        assertEquals(-5L, Timestamp.fromLogical(Timestamp.SCHEMA, new java.util.Date(-5)));
        assertEquals(new java.util.Date(Long.MAX_VALUE), Timestamp.toLogical(Timestamp.SCHEMA, Long.MAX_VALUE));
        assertEquals("Requested conversion of Timestamp object but the schema does not match.", assertThrows(
                DataException.class, () -> Timestamp.toLogical(Schema.INT64_SCHEMA, 1)).getMessage());
    }

    @Test
    void decimalRoundTripsUnscaledTwosComplementBytes() {
        assertArrayEquals(new byte[]{123}, Decimal.fromLogical(Decimal.schema(2), new BigDecimal("1.23")));
        assertArrayEquals(new byte[]{-123}, Decimal.fromLogical(Decimal.schema(2), new BigDecimal("-1.23")));
        assertEquals(new BigDecimal("2.55"), Decimal.toLogical(Decimal.schema(2), new byte[]{0, -1}));
    }

    @Test
    void decimalSupportsNegativeScaleAndBigValues() {
        assertArrayEquals(new byte[]{5}, Decimal.fromLogical(Decimal.schema(-2), new BigDecimal("5E+2")));
        assertEquals(new BigDecimal("5E+2"), Decimal.toLogical(Decimal.schema(-2), new byte[]{5}));
        BigDecimal big = new BigDecimal(new BigInteger("123456789012345678901234567890123456789"), 5);
        assertEquals(big, Decimal.toLogical(Decimal.schema(5), Decimal.fromLogical(Decimal.schema(5), big)));
    }

    @Test
    void decimalRejectsScaleMismatch() {
        assertEquals("Decimal value has mismatching scale for given Decimal schema. Schema has scale 2, value has "
                + "scale 1.", assertThrows(DataException.class,
                () -> Decimal.fromLogical(Decimal.schema(2), new BigDecimal("1.2"))).getMessage());
    }

    @Test
    void decimalRequiresAValidScaleParameter() {
        Schema noScale = SchemaBuilder.bytes().name(Decimal.LOGICAL_NAME).parameter("x", "y").build();
        assertEquals("Invalid Decimal schema: scale parameter not found.",
                assertThrows(DataException.class, () -> Decimal.toLogical(noScale, new byte[]{1})).getMessage());
        Schema badScale = SchemaBuilder.bytes().name(Decimal.LOGICAL_NAME).parameter("scale", "x").build();
        DataException e = assertThrows(DataException.class, () -> Decimal.toLogical(badScale, new byte[]{1}));
        assertEquals("Invalid scale parameter found in Decimal schema: ", e.getMessage());
        assertInstanceOf(NumberFormatException.class, e.getCause());
    }

    @Test
    void decimalUsesOnlyTheScaleParameterNotTheName() {
        assertEquals(new BigDecimal("0.01"),
                Decimal.toLogical(SchemaBuilder.bytes().parameter("scale", "2").build(), new byte[]{1}));
    }
}
