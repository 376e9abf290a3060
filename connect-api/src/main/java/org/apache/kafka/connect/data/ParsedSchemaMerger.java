package org.apache.kafka.connect.data;

import java.util.List;

/**
 * Finds the schema that all values of a parsed array (or all keys, or all values, of a parsed map) can share.
 * Numeric schemas widen to the widest one seen (INT8 &lt; INT16 &lt; INT32 &lt; INT64 &lt; FLOAT32 &lt; FLOAT64, so a
 * Date or Time counts as INT32 and a Timestamp as INT64); of two schemas with the same type the later one is kept;
 * any other mix has no common schema. Nulls do not take part.
 */
final class ParsedSchemaMerger {

    private static final List<Schema.Type> NUMERIC_RANK = List.of(
            Schema.Type.INT8, Schema.Type.INT16, Schema.Type.INT32, Schema.Type.INT64,
            Schema.Type.FLOAT32, Schema.Type.FLOAT64);

    private Schema common;
    private boolean conflicting;

    void add(SchemaAndValue parsed) {
        if (parsed == null || conflicting) {
            return;
        }
        Schema schema = parsed.schema();
        if (common == null) {
            common = schema;
            return;
        }
        common = wider(common, schema);
        // Once two values disagree, later values cannot reconcile them.
        conflicting = common == null;
    }

    /** @return the common schema, or null if there were no non-null values or they have none */
    Schema result() {
        return conflicting ? null : common;
    }

    private static Schema wider(Schema current, Schema next) {
        if (current.type() == next.type()) {
            return next;
        }
        int currentRank = NUMERIC_RANK.indexOf(current.type());
        int nextRank = NUMERIC_RANK.indexOf(next.type());
        if (currentRank < 0 || nextRank < 0) {
            return null;
        }
        return nextRank > currentRank ? next : current;
    }
}
