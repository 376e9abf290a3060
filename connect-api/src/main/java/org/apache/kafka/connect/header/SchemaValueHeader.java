package org.apache.kafka.connect.header;

import java.util.Objects;
import org.apache.kafka.connect.data.Schema;

/**
 * The immutable {@link Header} that {@link ConnectHeaders} creates. Equality accepts any
 * {@link Header} with the same key, schema and value, as Apache's does.
 */
final class SchemaValueHeader implements Header {

    private final String key;
    private final Schema schema;
    private final Object value;

    SchemaValueHeader(String key, Schema schema, Object value) {
        this.key = Objects.requireNonNull(key, "Null header keys are not permitted");
        this.schema = schema;
        this.value = value;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public Object value() {
        return value;
    }

    @Override
    public Header with(Schema schema, Object value) {
        return new SchemaValueHeader(key, schema, value);
    }

    @Override
    public Header rename(String key) {
        Objects.requireNonNull(key, "Null header keys are not permitted");
        return key.equals(this.key) ? this : new SchemaValueHeader(key, schema, value);
    }

    // Same value as Apache's (key combined with the hash of schema-and-value).
    @Override
    public int hashCode() {
        return Objects.hash(key, Objects.hash(schema, value));
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Header)) {
            return false;
        }
        Header that = (Header) o;
        return key.equals(that.key())
            && Objects.equals(schema, that.schema())
            && Objects.equals(value, that.value());
    }

    @Override
    public String toString() {
        // Apache's class is called ConnectHeader; logs and tests compare this text.
        return "ConnectHeader(key=" + key + ", value=" + value + ", schema=" + schema + ")";
    }
}
