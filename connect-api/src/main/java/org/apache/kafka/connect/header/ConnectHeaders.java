package org.apache.kafka.connect.header;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * The {@link Headers} implementation of Connect records. Not thread-safe: a record's headers
 * belong to the thread processing the record.
 *
 * <p>The backing list is created on first use, because most records carry no headers. As in
 * Apache, {@link #toString()} shows {@code headers=} while no list was ever needed and
 * {@code headers=[]} once one was emptied; equality treats both as empty.
 */
public class ConnectHeaders implements Headers {

    private List<Header> headers;

    /**
     * Creates an empty collection.
     */
    public ConnectHeaders() {
    }

    /**
     * Creates a collection holding the given headers in order.
     *
     * @param original the headers to copy; null for none
     * @throws NullPointerException if one of the headers is null
     */
    public ConnectHeaders(Iterable<Header> original) {
        if (original == null) {
            return;
        }
        if (original instanceof ConnectHeaders) {
            List<Header> others = ((ConnectHeaders) original).headers;
            if (others != null && !others.isEmpty()) {
                headers = new ArrayList<>(others);
            }
            return;
        }
        headers = new ArrayList<>();
        for (Header header : original) {
            add(header);
        }
    }

    @Override
    public int size() {
        return headers == null ? 0 : headers.size();
    }

    @Override
    public boolean isEmpty() {
        return headers == null || headers.isEmpty();
    }

    @Override
    public Headers clear() {
        if (headers != null) {
            headers.clear();
        }
        return this;
    }

    @Override
    public Headers add(Header header) {
        Objects.requireNonNull(header, "Unable to add a null header.");
        if (headers == null) {
            headers = new ArrayList<>();
        }
        headers.add(header);
        return this;
    }

    /**
     * Appends a header without checking that the value matches the schema. Subclasses use this
     * when they already know the pair is consistent.
     *
     * @param key the key; must not be null
     * @param value the value
     * @param schema the schema, or null
     * @return this collection
     */
    protected Headers addWithoutValidating(String key, Object value, Schema schema) {
        return add(new SchemaValueHeader(key, schema, value));
    }

    @Override
    public Headers add(String key, SchemaAndValue schemaAndValue) {
        if (schemaAndValue == null) {
            return addWithoutValidating(key, null, null);
        }
        return add(key, schemaAndValue.value(), schemaAndValue.schema());
    }

    @Override
    public Headers add(String key, Object value, Schema schema) {
        // A struct carries its own schema; Apache uses it when the caller gives none.
        Schema effective = schema == null && value instanceof Struct ? ((Struct) value).schema() : schema;
        HeaderValueCheck.check(effective, value);
        return addWithoutValidating(key, value, effective);
    }

    @Override
    public Headers addString(String key, String value) {
        return addWithoutValidating(key, value, Schema.STRING_SCHEMA);
    }

    @Override
    public Headers addBytes(String key, byte[] value) {
        return addWithoutValidating(key, value, Schema.BYTES_SCHEMA);
    }

    @Override
    public Headers addBoolean(String key, boolean value) {
        return addWithoutValidating(key, value, Schema.BOOLEAN_SCHEMA);
    }

    @Override
    public Headers addByte(String key, byte value) {
        return addWithoutValidating(key, value, Schema.INT8_SCHEMA);
    }

    @Override
    public Headers addShort(String key, short value) {
        return addWithoutValidating(key, value, Schema.INT16_SCHEMA);
    }

    @Override
    public Headers addInt(String key, int value) {
        return addWithoutValidating(key, value, Schema.INT32_SCHEMA);
    }

    @Override
    public Headers addLong(String key, long value) {
        return addWithoutValidating(key, value, Schema.INT64_SCHEMA);
    }

    @Override
    public Headers addFloat(String key, float value) {
        return addWithoutValidating(key, value, Schema.FLOAT32_SCHEMA);
    }

    @Override
    public Headers addDouble(String key, double value) {
        return addWithoutValidating(key, value, Schema.FLOAT64_SCHEMA);
    }

    // A null list, map, struct or decimal is stored without schema, as Apache does.
    @Override
    public Headers addList(String key, List<?> value, Schema schema) {
        if (value == null) {
            return addWithoutValidating(key, null, null);
        }
        requireType(schema, Schema.Type.ARRAY);
        return addWithoutValidating(key, value, schema);
    }

    @Override
    public Headers addMap(String key, Map<?, ?> value, Schema schema) {
        if (value == null) {
            return addWithoutValidating(key, null, null);
        }
        requireType(schema, Schema.Type.MAP);
        return addWithoutValidating(key, value, schema);
    }

    @Override
    public Headers addStruct(String key, Struct value) {
        if (value == null) {
            return addWithoutValidating(key, null, null);
        }
        return addWithoutValidating(key, value, value.schema());
    }

    @Override
    public Headers addDecimal(String key, BigDecimal value) {
        if (value == null) {
            return addWithoutValidating(key, null, null);
        }
        return addWithoutValidating(key, value, Decimal.schema(value.scale()));
    }

    @Override
    public Headers addDate(String key, java.util.Date value) {
        if (value != null) {
            // rejects dates with a time of day, with the logical type's own message
            Date.fromLogical(Date.SCHEMA, value);
        }
        return addWithoutValidating(key, value, Date.SCHEMA);
    }

    @Override
    public Headers addTime(String key, java.util.Date value) {
        if (value != null) {
            // rejects times outside the epoch day, with the logical type's own message
            Time.fromLogical(Time.SCHEMA, value);
        }
        return addWithoutValidating(key, value, Time.SCHEMA);
    }

    @Override
    public Headers addTimestamp(String key, java.util.Date value) {
        if (value != null) {
            Timestamp.fromLogical(Timestamp.SCHEMA, value);
        }
        return addWithoutValidating(key, value, Timestamp.SCHEMA);
    }

    @Override
    public Header lastWithName(String key) {
        requireLookupKey(key);
        if (headers == null) {
            return null;
        }
        ListIterator<Header> it = headers.listIterator(headers.size());
        while (it.hasPrevious()) {
            Header header = it.previous();
            if (key.equals(header.key())) {
                return header;
            }
        }
        return null;
    }

    @Override
    public Iterator<Header> allWithName(String key) {
        return new KeyFilterIterator(iterator(), key);
    }

    @Override
    public Iterator<Header> iterator() {
        return headers == null ? Collections.emptyIterator() : headers.iterator();
    }

    @Override
    public Headers remove(String key) {
        requireLookupKey(key);
        if (headers != null) {
            headers.removeIf(header -> key.equals(header.key()));
        }
        return this;
    }

    @Override
    public Headers retainLatest() {
        if (headers == null || headers.size() < 2) {
            return this;
        }
        // Walk from the end so the first occurrence seen of each key is the one to keep.
        Set<String> seen = new HashSet<>();
        ListIterator<Header> it = headers.listIterator(headers.size());
        while (it.hasPrevious()) {
            if (!seen.add(it.previous().key())) {
                it.remove();
            }
        }
        return this;
    }

    @Override
    public Headers retainLatest(String key) {
        requireLookupKey(key);
        if (headers == null) {
            return this;
        }
        boolean seen = false;
        ListIterator<Header> it = headers.listIterator(headers.size());
        while (it.hasPrevious()) {
            if (key.equals(it.previous().key())) {
                if (seen) {
                    it.remove();
                }
                seen = true;
            }
        }
        return this;
    }

    @Override
    public Headers apply(String key, HeaderTransform transform) {
        requireLookupKey(key);
        return transformWhere(key, transform);
    }

    @Override
    public Headers apply(HeaderTransform transform) {
        return transformWhere(null, transform);
    }

    // Replaces headers (all of them when key is null) by the transform's result; null removes.
    private Headers transformWhere(String key, HeaderTransform transform) {
        if (headers == null) {
            return this;
        }
        ListIterator<Header> it = headers.listIterator();
        while (it.hasNext()) {
            Header header = it.next();
            if (key != null && !key.equals(header.key())) {
                continue;
            }
            Header replacement = transform.apply(header);
            if (replacement == null) {
                it.remove();
            } else {
                it.set(replacement);
            }
        }
        return this;
    }

    @Override
    public int hashCode() {
        // Apache's value: 31 + the list hash, where a missing list counts as empty.
        return 31 + (headers == null ? 1 : headers.hashCode());
    }

    @Override
    public boolean equals(Object obj) {
        if (obj == this) {
            return true;
        }
        if (!(obj instanceof ConnectHeaders)) {
            return false;
        }
        ConnectHeaders that = (ConnectHeaders) obj;
        if (isEmpty()) {
            return that.isEmpty();
        }
        return headers.equals(that.headers);
    }

    @Override
    public String toString() {
        return "ConnectHeaders(headers=" + (headers != null ? headers : "") + ")";
    }

    @Override
    public ConnectHeaders duplicate() {
        return new ConnectHeaders(this);
    }

    private static void requireLookupKey(String key) {
        Objects.requireNonNull(key, "Header key cannot be null");
    }

    private static void requireType(Schema schema, Schema.Type expected) {
        if (schema == null) {
            throw new DataException("Expecting " + expected + " but instead found no schema; pass the schema of the value");
        }
        if (schema.type() != expected) {
            throw new DataException("Expecting " + expected + " but instead found " + schema.type());
        }
    }
}
