package org.apache.kafka.connect.header;

import java.math.BigDecimal;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;

/**
 * The ordered, mutable collection of headers of a Connect record. Several headers may share a key;
 * order is kept. The {@code add*} methods return this collection so calls can be chained.
 */
public interface Headers extends Iterable<Header> {

    /** @return the number of headers */
    int size();

    /** @return true if there are no headers */
    boolean isEmpty();

    /**
     * Returns the headers with the given key, in order.
     *
     * @param key the key
     * @return an iterator over the matching headers; it does not support removal
     */
    Iterator<Header> allWithName(String key);

    /**
     * Returns the last header with the given key.
     *
     * @param key the key; must not be null
     * @return the last matching header, or null if there is none
     */
    Header lastWithName(String key);

    /**
     * Appends a header.
     *
     * @param header the header; must not be null
     * @return this collection
     */
    Headers add(Header header);

    /**
     * Appends a header after checking that the value matches the schema.
     *
     * @param key the key
     * @param schemaAndValue the schema and value; null means a null value without schema
     * @return this collection
     * @throws org.apache.kafka.connect.errors.DataException if the value does not match the schema
     */
    Headers add(String key, SchemaAndValue schemaAndValue);

    /**
     * Appends a header after checking that the value matches the schema.
     *
     * @param key the key
     * @param value the value
     * @param schema the schema, or null
     * @return this collection
     * @throws org.apache.kafka.connect.errors.DataException if the value does not match the schema
     */
    Headers add(String key, Object value, Schema schema);

    /**
     * Appends a header with a string value.
     *
     * @param key the key
     * @param value the value
     * @return this collection
     */
    Headers addString(String key, String value);

    /**
     * Appends a header with a boolean value.
     *
     * @param key the key
     * @param value the value
     * @return this collection
     */
    Headers addBoolean(String key, boolean value);

    /**
     * Appends a header with an 8-bit integer value.
     *
     * @param key the key
     * @param value the value
     * @return this collection
     */
    Headers addByte(String key, byte value);

    /**
     * Appends a header with a 16-bit integer value.
     *
     * @param key the key
     * @param value the value
     * @return this collection
     */
    Headers addShort(String key, short value);

    /**
     * Appends a header with a 32-bit integer value.
     *
     * @param key the key
     * @param value the value
     * @return this collection
     */
    Headers addInt(String key, int value);

    /**
     * Appends a header with a 64-bit integer value.
     *
     * @param key the key
     * @param value the value
     * @return this collection
     */
    Headers addLong(String key, long value);

    /**
     * Appends a header with a 32-bit floating point value.
     *
     * @param key the key
     * @param value the value
     * @return this collection
     */
    Headers addFloat(String key, float value);

    /**
     * Appends a header with a 64-bit floating point value.
     *
     * @param key the key
     * @param value the value
     * @return this collection
     */
    Headers addDouble(String key, double value);

    /**
     * Appends a header with a byte array value.
     *
     * @param key the key
     * @param value the value
     * @return this collection
     */
    Headers addBytes(String key, byte[] value);

    /**
     * Appends a header with a list value.
     *
     * @param key the key
     * @param value the value
     * @param schema the array schema of the value
     * @return this collection
     */
    Headers addList(String key, List<?> value, Schema schema);

    /**
     * Appends a header with a map value.
     *
     * @param key the key
     * @param value the value
     * @param schema the map schema of the value
     * @return this collection
     */
    Headers addMap(String key, Map<?, ?> value, Schema schema);

    /**
     * Appends a header with a struct value, using the struct's schema.
     *
     * @param key the key
     * @param value the value
     * @return this collection
     */
    Headers addStruct(String key, Struct value);

    /**
     * Appends a header with a decimal value, using the Decimal logical schema of the value's scale.
     *
     * @param key the key
     * @param value the value
     * @return this collection
     */
    Headers addDecimal(String key, BigDecimal value);

    /**
     * Appends a header with a date value, using the Date logical schema.
     *
     * @param key the key
     * @param value the value; a date without time of day
     * @return this collection
     */
    Headers addDate(String key, Date value);

    /**
     * Appends a header with a time-of-day value, using the Time logical schema.
     *
     * @param key the key
     * @param value the value; a time on the epoch day
     * @return this collection
     */
    Headers addTime(String key, Date value);

    /**
     * Appends a header with a timestamp value, using the Timestamp logical schema.
     *
     * @param key the key
     * @param value the value
     * @return this collection
     */
    Headers addTimestamp(String key, Date value);

    /**
     * Removes all headers with the given key.
     *
     * @param key the key; must not be null
     * @return this collection
     */
    Headers remove(String key);

    /**
     * Removes all but the last header with the given key.
     *
     * @param key the key; must not be null
     * @return this collection
     */
    Headers retainLatest(String key);

    /**
     * Removes all but the last header of every key.
     *
     * @return this collection
     */
    Headers retainLatest();

    /**
     * Removes all headers.
     *
     * @return this collection
     */
    Headers clear();

    /**
     * Returns an independent copy of this collection (the headers themselves are immutable).
     *
     * @return the copy
     */
    Headers duplicate();

    /**
     * Replaces every header by the result of the transform; a null result removes the header.
     *
     * @param transform the transform
     * @return this collection
     */
    Headers apply(HeaderTransform transform);

    /**
     * Replaces every header with the given key by the result of the transform; a null result
     * removes the header.
     *
     * @param key the key; must not be null
     * @param transform the transform
     * @return this collection
     */
    Headers apply(String key, HeaderTransform transform);

    /**
     * A function from a header to its replacement, used by {@link Headers#apply}.
     */
    interface HeaderTransform {

        /**
         * Transforms one header.
         *
         * @param header the header
         * @return the replacement, or null to remove the header
         */
        Header apply(Header header);
    }
}
