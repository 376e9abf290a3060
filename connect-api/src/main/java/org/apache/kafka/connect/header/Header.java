package org.apache.kafka.connect.header;

import org.apache.kafka.connect.data.Schema;

/**
 * One header of a Connect record: a key, and a value with its optional schema. Headers are
 * immutable; {@link #with} and {@link #rename} return new headers.
 */
public interface Header {

    /**
     * Returns the header's key.
     *
     * @return the key, never null
     */
    String key();

    /**
     * Returns the schema of the value.
     *
     * @return the schema, or null if the value has none
     */
    Schema schema();

    /**
     * Returns the header's value.
     *
     * @return the value, possibly null
     */
    Object value();

    /**
     * Returns a header with this key and the given schema and value.
     *
     * @param schema the new schema, or null
     * @param value the new value, or null
     * @return the new header
     */
    Header with(Schema schema, Object value);

    /**
     * Returns a header with the given key and this schema and value.
     *
     * @param key the new key; must not be null
     * @return the renamed header
     */
    Header rename(String key);
}
