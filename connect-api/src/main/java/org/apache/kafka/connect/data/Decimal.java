package org.apache.kafka.connect.data;

import org.apache.kafka.connect.errors.DataException;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The Decimal logical type: an arbitrary-precision decimal number with a fixed scale, carried as BYTES holding the
 * big-endian two's-complement unscaled value, with the scale in the schema parameter {@value #SCALE_FIELD}, and
 * represented in Java by a {@link BigDecimal}.
 */
public class Decimal {

    public static final String LOGICAL_NAME = "org.apache.kafka.connect.data.Decimal";
    public static final String SCALE_FIELD = "scale";

    /**
     * @param scale the number of digits right of the decimal point (negative scales are allowed)
     * @return a builder of the Decimal schema with that scale, to which optional() or a default may still be added
     */
    public static SchemaBuilder builder(int scale) {
        return SchemaBuilder.bytes().name(LOGICAL_NAME).parameter(SCALE_FIELD, Integer.toString(scale)).version(1);
    }

    /**
     * @param scale the number of digits right of the decimal point
     * @return the required Decimal schema with that scale
     */
    public static Schema schema(int scale) {
        return builder(scale).build();
    }

    /**
     * @param schema a Decimal schema
     * @param value a decimal whose scale is the schema's scale
     * @return the two's-complement bytes of the unscaled value
     * @throws DataException if the schema has no valid scale or the value's scale differs from it
     */
    public static byte[] fromLogical(Schema schema, BigDecimal value) {
        int schemaScale = scale(schema);
        if (value.scale() != schemaScale) {
            throw new DataException(String.format("Decimal value has mismatching scale for given Decimal schema. "
                    + "Schema has scale %d, value has scale %d.", schemaScale, value.scale()));
        }
        return value.unscaledValue().toByteArray();
    }

    /**
     * @param schema a Decimal schema
     * @param value the two's-complement bytes of the unscaled value
     * @return the decimal with the schema's scale
     * @throws DataException if the schema has no valid scale
     */
    public static BigDecimal toLogical(Schema schema, byte[] value) {
        return new BigDecimal(new BigInteger(value), scale(schema));
    }

    private static int scale(Schema schema) {
        String scale = schema.parameters().get(SCALE_FIELD);
        if (scale == null) {
            throw new DataException("Invalid Decimal schema: scale parameter not found.");
        }
        try {
            return Integer.parseInt(scale);
        } catch (NumberFormatException e) {
            throw new DataException("Invalid scale parameter found in Decimal schema: ", e);
        }
    }
}
