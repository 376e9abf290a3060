package org.apache.kafka.connect.header;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * The check {@link ConnectHeaders#add(String, Object, Schema)} applies: the value's Java class must
 * fit the schema's type. It is shallower than {@code ConnectSchema.validateValue} on purpose, as in
 * Apache: list elements, map entries and struct contents are not inspected, and the logical types
 * accept both their logical class and their underlying primitive.
 */
final class HeaderValueCheck {

    private HeaderValueCheck() {
    }

    static void check(Schema schema, Object value) {
        if (schema == null) {
            return;
        }
        if (value == null) {
            if (!schema.isOptional()) {
                throw new DataException("A null value requires an optional schema but was " + schema);
            }
            return;
        }
        if (!fits(schema, value)) {
            throw new DataException("The value " + value + " is not compatible with the schema " + schema);
        }
    }

    private static boolean fits(Schema schema, Object value) {
        switch (schema.type()) {
            case INT8:
                return value instanceof Byte;
            case INT16:
                return value instanceof Short;
            case INT32:
                return value instanceof Integer
                    || value instanceof java.util.Date && isLogical(schema, Date.LOGICAL_NAME, Time.LOGICAL_NAME);
            case INT64:
                return value instanceof Long
                    || value instanceof java.util.Date && isLogical(schema, Timestamp.LOGICAL_NAME);
            case FLOAT32:
                return value instanceof Float;
            case FLOAT64:
                return value instanceof Double;
            case BOOLEAN:
                return value instanceof Boolean;
            case STRING:
                return value instanceof String;
            case BYTES:
                return value instanceof byte[]
                    || value instanceof ByteBuffer
                    || value instanceof BigDecimal && isLogical(schema, Decimal.LOGICAL_NAME);
            case ARRAY:
                return value instanceof List;
            case MAP:
                return value instanceof Map;
            case STRUCT:
                return value instanceof Struct;
            default:
                return false;
        }
    }

    private static boolean isLogical(Schema schema, String... logicalNames) {
        String name = schema.name();
        for (String logicalName : logicalNames) {
            if (logicalName.equals(name)) {
                return true;
            }
        }
        return false;
    }
}
