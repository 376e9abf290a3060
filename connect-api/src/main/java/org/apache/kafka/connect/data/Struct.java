package org.apache.kafka.connect.data;

import org.apache.kafka.connect.errors.DataException;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The value of a STRUCT {@link Schema}: one value per field of the schema. Values are validated against the field's
 * schema when they are put; {@link #validate()} checks that every required field has a value.
 *
 * <p>{@link #get(String)} falls back to the field's default when no value was put; the typed getters
 * ({@link #getInt32(String)} etc.) return the value that was put, and fail if the field is of another type.
 */
public class Struct {

    private final Schema schema;
    private final Object[] values;

    /**
     * @param schema a STRUCT schema
     * @throws DataException if the schema is not a STRUCT schema
     */
    public Struct(Schema schema) {
        if (schema.type() != Schema.Type.STRUCT) {
            throw new DataException("Not a struct schema: " + schema);
        }
        this.schema = schema;
        this.values = new Object[schema.fields().size()];
    }

    /** @return the schema of this struct */
    public Schema schema() {
        return schema;
    }

    /**
     * @param fieldName the field name
     * @return the value of the field, or its schema's default if no value was put
     * @throws DataException if the schema has no such field
     */
    public Object get(String fieldName) {
        return get(lookupField(fieldName));
    }

    /**
     * @param field a field of this struct's schema
     * @return the value of the field, or its schema's default if no value was put
     */
    public Object get(Field field) {
        Object value = values[field.index()];
        return value != null ? value : field.schema().defaultValue();
    }

    /**
     * @param fieldName the field name
     * @return the value put for the field, or null; never the default
     * @throws DataException if the schema has no such field
     */
    public Object getWithoutDefault(String fieldName) {
        return values[lookupField(fieldName).index()];
    }

    /** @return the INT8 field's value (not its default); fails if the field is of another type */
    public Byte getInt8(String fieldName) {
        return (Byte) getOfType(fieldName, Schema.Type.INT8);
    }

    /** @return the INT16 field's value (not its default); fails if the field is of another type */
    public Short getInt16(String fieldName) {
        return (Short) getOfType(fieldName, Schema.Type.INT16);
    }

    /** @return the INT32 field's value (not its default); fails if the field is of another type */
    public Integer getInt32(String fieldName) {
        return (Integer) getOfType(fieldName, Schema.Type.INT32);
    }

    /** @return the INT64 field's value (not its default); fails if the field is of another type */
    public Long getInt64(String fieldName) {
        return (Long) getOfType(fieldName, Schema.Type.INT64);
    }

    /** @return the FLOAT32 field's value (not its default); fails if the field is of another type */
    public Float getFloat32(String fieldName) {
        return (Float) getOfType(fieldName, Schema.Type.FLOAT32);
    }

    /** @return the FLOAT64 field's value (not its default); fails if the field is of another type */
    public Double getFloat64(String fieldName) {
        return (Double) getOfType(fieldName, Schema.Type.FLOAT64);
    }

    /** @return the BOOLEAN field's value (not its default); fails if the field is of another type */
    public Boolean getBoolean(String fieldName) {
        return (Boolean) getOfType(fieldName, Schema.Type.BOOLEAN);
    }

    /** @return the STRING field's value (not its default); fails if the field is of another type */
    public String getString(String fieldName) {
        return (String) getOfType(fieldName, Schema.Type.STRING);
    }

    /**
     * @return the BYTES field's value (not its default) as an array; a {@link ByteBuffer} value is returned as its
     *         backing array. Fails if the field is of another type.
     */
    public byte[] getBytes(String fieldName) {
        Object bytes = getOfType(fieldName, Schema.Type.BYTES);
        if (bytes instanceof ByteBuffer) {
            return ((ByteBuffer) bytes).array();
        }
        return (byte[]) bytes;
    }

    /** @return the ARRAY field's value (not its default); fails if the field is of another type */
    @SuppressWarnings("unchecked")
    public <T> List<T> getArray(String fieldName) {
        return (List<T>) getOfType(fieldName, Schema.Type.ARRAY);
    }

    /** @return the MAP field's value (not its default); fails if the field is of another type */
    @SuppressWarnings("unchecked")
    public <K, V> Map<K, V> getMap(String fieldName) {
        return (Map<K, V>) getOfType(fieldName, Schema.Type.MAP);
    }

    /** @return the STRUCT field's value (not its default); fails if the field is of another type */
    public Struct getStruct(String fieldName) {
        return (Struct) getOfType(fieldName, Schema.Type.STRUCT);
    }

    /**
     * Sets the value of a field.
     *
     * @return this struct
     * @throws DataException if the schema has no such field or the value is not valid for the field's schema
     */
    public Struct put(String fieldName, Object value) {
        return put(lookupField(fieldName), value);
    }

    /**
     * Sets the value of a field; the field's position is taken from {@link Field#index()}.
     *
     * @return this struct
     * @throws DataException if the field is null or the value is not valid for the field's schema
     */
    public Struct put(Field field, Object value) {
        if (field == null) {
            throw new DataException("field cannot be null.");
        }
        ConnectSchema.validateValue(field.name(), field.schema(), value);
        values[field.index()] = value;
        return this;
    }

    /**
     * Checks that every field's value is valid for its schema; in particular that each required field without a
     * default has a value.
     *
     * @throws DataException naming the first field that is not valid
     */
    public void validate() {
        for (Field field : schema.fields()) {
            Schema fieldSchema = field.schema();
            Object value = values[field.index()];
            // An unset field is valid when its schema is optional or supplies a default; the default itself
            // is not validated here (a struct default's schema is the builder, never equal to the built schema).
            if (value == null && (fieldSchema.isOptional() || fieldSchema.defaultValue() != null)) {
                continue;
            }
            ConnectSchema.validateValue(field.name(), fieldSchema, value);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        Struct that = (Struct) o;
        return Objects.equals(schema, that.schema) && Arrays.deepEquals(values, that.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(schema, Arrays.deepHashCode(values));
    }

    /** @return {@code Struct{name=value,...}} listing the fields that have a value put, in field order */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Struct{");
        boolean first = true;
        for (Field field : schema.fields()) {
            Object value = values[field.index()];
            if (value == null) {
                continue;
            }
            if (!first) {
                sb.append(',');
            }
            sb.append(field.name()).append('=').append(value);
            first = false;
        }
        return sb.append('}').toString();
    }

    private Field lookupField(String fieldName) {
        Field field = schema.field(fieldName);
        if (field == null) {
            throw new DataException(fieldName + " is not a valid field name");
        }
        return field;
    }

    private Object getOfType(String fieldName, Schema.Type type) {
        Field field = lookupField(fieldName);
        if (field.schema().type() != type) {
            throw new DataException("Field '" + fieldName + "' is not of type " + type);
        }
        return values[field.index()];
    }
}
