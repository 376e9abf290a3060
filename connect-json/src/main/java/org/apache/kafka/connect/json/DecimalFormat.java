package org.apache.kafka.connect.json;

/**
 * How {@link JsonConverter} writes values of the {@code Decimal} logical type: as the Base64 text of the
 * unscaled value's two's-complement bytes, or as a plain JSON number.
 */
public enum DecimalFormat {

    /** The unscaled value's big-endian two's-complement bytes, Base64 encoded (the default). */
    BASE64,

    /** A JSON number carrying the value and its scale. */
    NUMERIC
}
