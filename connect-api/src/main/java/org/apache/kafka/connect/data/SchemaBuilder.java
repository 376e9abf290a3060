package org.apache.kafka.connect.data;

import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.SchemaBuilderException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fluent builder of {@link Schema}s. Every setting can be made once: setting it again to another value throws
 * {@link SchemaBuilderException}, so that two pieces of code cannot silently overwrite each other's choices.
 *
 * <pre>{@code
 * Schema schema = SchemaBuilder.struct().name("com.example.Person")
 *     .field("name", Schema.STRING_SCHEMA)
 *     .field("age", SchemaBuilder.int32().optional().build())
 *     .build();
 * }</pre>
 *
 * <p>A builder is itself a {@link Schema} (so that recursive structures can refer to it while being built), but it is
 * mutable and compares by identity; {@link #build()} returns the immutable {@link ConnectSchema}.
 */
public class SchemaBuilder implements Schema {

    private static final String TYPE_FIELD = "type";
    private static final String OPTIONAL_FIELD = "optional";
    private static final String DEFAULT_FIELD = "default";
    private static final String NAME_FIELD = "name";
    private static final String VERSION_FIELD = "version";
    private static final String DOC_FIELD = "doc";

    private final Type type;
    private Boolean optional;
    private Object defaultValue;
    private String name;
    private Integer version;
    private String doc;
    private Map<String, String> parameters;
    private final Map<String, Field> fields;
    private Schema keySchema;
    private Schema valueSchema;

    /**
     * @param type the type of the schema to build
     * @throws SchemaBuilderException if the type is null
     */
    public SchemaBuilder(Type type) {
        if (type == null) {
            throw new SchemaBuilderException(TYPE_FIELD + " cannot be null");
        }
        this.type = type;
        this.fields = type == Type.STRUCT ? new LinkedHashMap<>() : null;
    }

    // Factories for each type

    /** @return a builder of a schema of the given type */
    public static SchemaBuilder type(Type type) {
        return new SchemaBuilder(type);
    }

    /** @return a builder of an INT8 schema */
    public static SchemaBuilder int8() {
        return new SchemaBuilder(Type.INT8);
    }

    /** @return a builder of an INT16 schema */
    public static SchemaBuilder int16() {
        return new SchemaBuilder(Type.INT16);
    }

    /** @return a builder of an INT32 schema */
    public static SchemaBuilder int32() {
        return new SchemaBuilder(Type.INT32);
    }

    /** @return a builder of an INT64 schema */
    public static SchemaBuilder int64() {
        return new SchemaBuilder(Type.INT64);
    }

    /** @return a builder of a FLOAT32 schema */
    public static SchemaBuilder float32() {
        return new SchemaBuilder(Type.FLOAT32);
    }

    /** @return a builder of a FLOAT64 schema */
    public static SchemaBuilder float64() {
        return new SchemaBuilder(Type.FLOAT64);
    }

    /** @return a builder of a BOOLEAN schema */
    public static SchemaBuilder bool() {
        return new SchemaBuilder(Type.BOOLEAN);
    }

    /** @return a builder of a STRING schema */
    public static SchemaBuilder string() {
        return new SchemaBuilder(Type.STRING);
    }

    /** @return a builder of a BYTES schema */
    public static SchemaBuilder bytes() {
        return new SchemaBuilder(Type.BYTES);
    }

    /** @return a builder of a STRUCT schema, to which fields are added with {@link #field(String, Schema)} */
    public static SchemaBuilder struct() {
        return new SchemaBuilder(Type.STRUCT);
    }

    /**
     * @param valueSchema the schema of the array's elements
     * @return a builder of an ARRAY schema
     * @throws SchemaBuilderException if valueSchema is null
     */
    public static SchemaBuilder array(Schema valueSchema) {
        if (valueSchema == null) {
            throw new SchemaBuilderException("valueSchema cannot be null.");
        }
        SchemaBuilder builder = new SchemaBuilder(Type.ARRAY);
        builder.valueSchema = valueSchema;
        return builder;
    }

    /**
     * @param keySchema the schema of the map's keys
     * @param valueSchema the schema of the map's values
     * @return a builder of a MAP schema
     * @throws SchemaBuilderException if either schema is null
     */
    public static SchemaBuilder map(Schema keySchema, Schema valueSchema) {
        if (keySchema == null) {
            throw new SchemaBuilderException("keySchema cannot be null.");
        }
        if (valueSchema == null) {
            throw new SchemaBuilderException("valueSchema cannot be null.");
        }
        SchemaBuilder builder = new SchemaBuilder(Type.MAP);
        builder.keySchema = keySchema;
        builder.valueSchema = valueSchema;
        return builder;
    }

    /**
     * A MAP builder whose value schema is unknown; {@link Values#parseString(String)} describes maps whose values
     * have no common schema this way (an unbuilt builder, as Apache Kafka Connect does).
     */
    static SchemaBuilder mapWithUnknownValueSchema(Schema keySchema) {
        SchemaBuilder builder = new SchemaBuilder(Type.MAP);
        builder.keySchema = keySchema;
        return builder;
    }

    // Settings

    /** Makes null a valid value of the schema. */
    public SchemaBuilder optional() {
        checkCanSet(OPTIONAL_FIELD, optional, Boolean.TRUE);
        optional = Boolean.TRUE;
        return this;
    }

    /** Makes null an invalid value of the schema (the default when neither is called). */
    public SchemaBuilder required() {
        checkCanSet(OPTIONAL_FIELD, optional, Boolean.FALSE);
        optional = Boolean.FALSE;
        return this;
    }

    /**
     * @param value the default value; must be valid for the schema as configured so far
     * @throws SchemaBuilderException if a different default was already set or the value is invalid
     */
    public SchemaBuilder defaultValue(Object value) {
        checkCanSet(DEFAULT_FIELD, defaultValue, value);
        try {
            ConnectSchema.validateValue(this, value);
        } catch (DataException e) {
            throw new SchemaBuilderException("Invalid default value", e);
        }
        defaultValue = value;
        return this;
    }

    /** Sets the schema name, which also identifies logical types. */
    public SchemaBuilder name(String name) {
        checkCanSet(NAME_FIELD, this.name, name);
        this.name = name;
        return this;
    }

    /** Sets the schema version. */
    public SchemaBuilder version(Integer version) {
        checkCanSet(VERSION_FIELD, this.version, version);
        this.version = version;
        return this;
    }

    /** Sets the schema documentation. */
    public SchemaBuilder doc(String doc) {
        checkCanSet(DOC_FIELD, this.doc, doc);
        this.doc = doc;
        return this;
    }

    /** Sets one schema parameter, replacing an earlier value of the same parameter. */
    public SchemaBuilder parameter(String propertyName, String propertyValue) {
        if (parameters == null) {
            parameters = new LinkedHashMap<>();
        }
        parameters.put(propertyName, propertyValue);
        return this;
    }

    /** Sets several schema parameters, replacing earlier values of the same parameters. */
    public SchemaBuilder parameters(Map<String, String> props) {
        // An empty map leaves parameters unset (null), so the built schema still compares equal to one without any.
        if (props.isEmpty()) {
            return this;
        }
        if (parameters == null) {
            parameters = new LinkedHashMap<>();
        }
        parameters.putAll(props);
        return this;
    }

    /**
     * Adds a field to a STRUCT schema; fields keep the order in which they are added.
     *
     * @throws SchemaBuilderException if this is not a STRUCT, the name is null, empty or already used, or the
     *                                schema is null
     */
    public SchemaBuilder field(String fieldName, Schema fieldSchema) {
        if (type != Type.STRUCT) {
            throw new SchemaBuilderException("Cannot create fields on type " + type);
        }
        if (fieldName == null || fieldName.isEmpty()) {
            throw new SchemaBuilderException("fieldName cannot be null.");
        }
        if (fieldSchema == null) {
            throw new SchemaBuilderException("fieldSchema for field " + fieldName + " cannot be null.");
        }
        if (fields.containsKey(fieldName)) {
            throw new SchemaBuilderException("Cannot create field because of field name duplication " + fieldName);
        }
        fields.put(fieldName, new Field(fieldName, fields.size(), fieldSchema));
        return this;
    }

    // Schema view of the settings so far

    @Override
    public Type type() {
        return type;
    }

    @Override
    public boolean isOptional() {
        return optional != null && optional;
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
        return parameters == null ? null : Collections.unmodifiableMap(parameters);
    }

    /**
     * @return a copy of the fields added so far
     * @throws DataException if this is not a STRUCT schema
     */
    @Override
    public List<Field> fields() {
        if (type != Type.STRUCT) {
            throw new DataException("Cannot list fields on non-struct type");
        }
        return new ArrayList<>(fields.values());
    }

    @Override
    public Field field(String fieldName) {
        if (type != Type.STRUCT) {
            throw new DataException("Cannot look up fields on non-struct type");
        }
        return fields.get(fieldName);
    }

    /** @return the key schema, or null if this is not a MAP schema */
    @Override
    public Schema keySchema() {
        return keySchema;
    }

    /** @return the value schema, or null if this is neither an ARRAY nor a MAP schema */
    @Override
    public Schema valueSchema() {
        return valueSchema;
    }

    /** @return the immutable schema with the settings made so far */
    public Schema build() {
        return new ConnectSchema(type, isOptional(), defaultValue, name, version, doc,
                parameters == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(parameters)),
                fields == null ? null : Collections.unmodifiableList(new ArrayList<>(fields.values())),
                keySchema, valueSchema);
    }

    /** @return the same as {@link #build()} */
    @Override
    public Schema schema() {
        return build();
    }

    /**
     * A setting may be repeated only with the very same value. The comparison is by reference, as in Apache Kafka
     * Connect: an equal but distinct object (e.g. a boxed version above the Integer cache) counts as different.
     */
    private static void checkCanSet(String setting, Object current, Object requested) {
        if (current != null && current != requested) {
            throw new SchemaBuilderException("Invalid SchemaBuilder call: " + setting + " has already been set.");
        }
    }
}
