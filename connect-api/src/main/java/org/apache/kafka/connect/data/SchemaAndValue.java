package org.apache.kafka.connect.data;

import java.util.Objects;

/**
 * A value together with its schema, as produced by converters. Either part may be null.
 */
public class SchemaAndValue {

    /** No schema and no value. */
    public static final SchemaAndValue NULL = new SchemaAndValue(null, null);

    private final Schema schema;
    private final Object value;

    /**
     * @param schema the schema, or null if there is none
     * @param value the value, or null
     */
    public SchemaAndValue(Schema schema, Object value) {
        this.schema = schema;
        this.value = value;
    }

    /** @return the schema, or null */
    public Schema schema() {
        return schema;
    }

    /** @return the value, or null */
    public Object value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        SchemaAndValue that = (SchemaAndValue) o;
        return Objects.equals(schema, that.schema) && Objects.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(schema, value);
    }

    @Override
    public String toString() {
        return "SchemaAndValue{schema=" + schema + ", value=" + value + "}";
    }
}
