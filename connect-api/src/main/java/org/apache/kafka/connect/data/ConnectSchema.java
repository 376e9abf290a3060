package org.apache.kafka.connect.data;

import org.apache.kafka.connect.errors.DataException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The immutable implementation of {@link Schema}, normally created by {@link SchemaBuilder#build()}. Also home of the
 * value validation that decides whether a Java object is a valid value for a schema.
 */
public class ConnectSchema implements Schema {

    private final Type type;
    private final boolean optional;
    private final Object defaultValue;
    private final String name;
    private final Integer version;
    private final String doc;
    private final Map<String, String> parameters;
    private final List<Field> fields;
    private final Map<String, Field> fieldsByName;
    private final Schema keySchema;
    private final Schema valueSchema;

    /**
     * Creates a schema of any type; the settings are taken as given and not validated (the builder validates them).
     *
     * @param type the schema type
     * @param optional whether null is a valid value
     * @param defaultValue the default value, or null
     * @param name the schema name, or null
     * @param version the schema version, or null
     * @param doc the documentation, or null
     * @param parameters the schema parameters, or null
     * @param fields the fields of a STRUCT schema (null means none); ignored for other types
     * @param keySchema the key schema of a MAP schema, or null
     * @param valueSchema the value schema of an ARRAY or MAP schema, or null
     */
    public ConnectSchema(Type type, boolean optional, Object defaultValue, String name, Integer version, String doc,
                         Map<String, String> parameters, List<Field> fields, Schema keySchema, Schema valueSchema) {
        this.type = type;
        this.optional = optional;
        this.defaultValue = defaultValue;
        this.name = name;
        this.version = version;
        this.doc = doc;
        this.parameters = parameters;
        if (type == Type.STRUCT) {
            this.fields = fields == null ? List.of() : fields;
            Map<String, Field> byName = new HashMap<>();
            for (Field field : this.fields) {
                byName.put(field.name(), field);
            }
            this.fieldsByName = byName;
        } else {
            // Only a struct has fields; its lookups must fail for any other type, see fields().
            this.fields = null;
            this.fieldsByName = null;
        }
        this.keySchema = keySchema;
        this.valueSchema = valueSchema;
    }

    /**
     * Creates a schema without parameters, fields, key or value schema.
     */
    public ConnectSchema(Type type, boolean optional, Object defaultValue, String name, Integer version, String doc) {
        this(type, optional, defaultValue, name, version, doc, null, null, null, null);
    }

    /**
     * Creates a required, unnamed schema of the given type.
     */
    public ConnectSchema(Type type) {
        this(type, false, null, null, null, null);
    }

    @Override
    public Type type() {
        return type;
    }

    @Override
    public boolean isOptional() {
        return optional;
    }

    @Override
    public Object defaultValue() {
        return defaultValue;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Integer version() {
        return version;
    }

    @Override
    public String doc() {
        return doc;
    }

    @Override
    public Map<String, String> parameters() {
        return parameters;
    }

    @Override
    public List<Field> fields() {
        if (type != Type.STRUCT) {
            throw new DataException("Cannot list fields on non-struct type");
        }
        return fields;
    }

    @Override
    public Field field(String fieldName) {
        if (type != Type.STRUCT) {
            throw new DataException("Cannot look up fields on non-struct type");
        }
        return fieldsByName.get(fieldName);
    }

    @Override
    public Schema keySchema() {
        if (type != Type.MAP) {
            throw new DataException("Cannot look up key schema on non-map type");
        }
        return keySchema;
    }

    @Override
    public Schema valueSchema() {
        if (type != Type.MAP && type != Type.ARRAY) {
            throw new DataException("Cannot look up value schema on non-array and non-map type");
        }
        return valueSchema;
    }

    @Override
    public ConnectSchema schema() {
        return this;
    }

    /**
     * Checks that a value is valid for a schema: of the Java class(es) its type or logical type requires, not null
     * unless the schema is optional, and for containers recursively so for every element, key, value and field.
     *
     * @param schema the schema
     * @param value the value
     * @throws DataException if the value is not valid
     */
    public static void validateValue(Schema schema, Object value) {
        SchemaValueValidator.validate(null, schema, value);
    }

    /**
     * Like {@link #validateValue(Schema, Object)}, naming the field the value belongs to in error messages.
     *
     * @param field the field name used in error messages, or null
     * @param schema the schema
     * @param value the value
     * @throws DataException if the value is not valid
     */
    public static void validateValue(String field, Schema schema, Object value) {
        SchemaValueValidator.validate(field, schema, value);
    }

    /**
     * Checks that a value is valid for this schema, see {@link #validateValue(Schema, Object)}.
     *
     * @param value the value
     * @throws DataException if the value is not valid
     */
    public void validateValue(Object value) {
        validateValue(this, value);
    }

    /**
     * @param klass a Java class
     * @return the schema type whose values may be instances of that class, or null if there is none
     */
    public static Type schemaType(Class<?> klass) {
        return SchemaValueValidator.schemaTypeOf(klass);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        ConnectSchema that = (ConnectSchema) o;
        return optional == that.optional
                && type == that.type
                // deepEquals so that byte[] defaults compare by content
                && Objects.deepEquals(defaultValue, that.defaultValue)
                && Objects.equals(fields, that.fields)
                && Objects.equals(keySchema, that.keySchema)
                && Objects.equals(valueSchema, that.valueSchema)
                && Objects.equals(name, that.name)
                && Objects.equals(version, that.version)
                && Objects.equals(doc, that.doc)
                && Objects.equals(parameters, that.parameters);
    }

    @Override
    public int hashCode() {
        // Same member order as Apache's schema hash so that hash values agree across implementations.
        return Objects.hash(type, optional, defaultValue, fields, keySchema, valueSchema, name, version, doc,
                parameters);
    }

    @Override
    public String toString() {
        return name != null ? "Schema{" + name + ":" + type + "}" : "Schema{" + type + "}";
    }
}
