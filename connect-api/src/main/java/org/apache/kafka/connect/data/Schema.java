package org.apache.kafka.connect.data;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The definition of the structure of a piece of Connect data: its {@link Type}, whether it may be null, its default,
 * its optional name/version/doc/parameters (which together identify logical types such as {@link Decimal}), and for
 * the container types the schemas of their fields, keys or values.
 *
 * <p>Schemas are built with {@link SchemaBuilder}; the constants below are the common unnamed primitive schemas.
 */
public interface Schema {

    /**
     * The types a schema can describe. The primitive types map to one Java class each (or a small set of them, see
     * {@link ConnectSchema#validateValue(Schema, Object)}); ARRAY, MAP and STRUCT are containers.
     */
    enum Type {
        /** 8-bit signed integer, {@link Byte}. */
        INT8,
        /** 16-bit signed integer, {@link Short}. */
        INT16,
        /** 32-bit signed integer, {@link Integer}. */
        INT32,
        /** 64-bit signed integer, {@link Long}. */
        INT64,
        /** IEEE 754 single precision, {@link Float}. */
        FLOAT32,
        /** IEEE 754 double precision, {@link Double}. */
        FLOAT64,
        /** {@link Boolean}. */
        BOOLEAN,
        /** Character string, {@link String}. */
        STRING,
        /** Sequence of bytes, {@code byte[]} or {@link java.nio.ByteBuffer}. */
        BYTES,
        /** Ordered list of values of one schema, {@link java.util.List}. */
        ARRAY,
        /** Mapping from keys of one schema to values of another, {@link java.util.Map}. */
        MAP,
        /** Named fields, each with its own schema, {@link Struct}. */
        STRUCT;

        private final String lowerCaseName;

        Type() {
            this.lowerCaseName = name().toLowerCase(Locale.ROOT);
        }

        /**
         * @return the type's name in lower case, as it is spelled in serialized schemas (e.g. {@code "int32"})
         */
        public String getName() {
            return lowerCaseName;
        }

        /**
         * @return true for the types that hold a single value, false for ARRAY, MAP and STRUCT
         */
        public boolean isPrimitive() {
            return this != ARRAY && this != MAP && this != STRUCT;
        }
    }

    Schema INT8_SCHEMA = SchemaBuilder.int8().build();
    Schema INT16_SCHEMA = SchemaBuilder.int16().build();
    Schema INT32_SCHEMA = SchemaBuilder.int32().build();
    Schema INT64_SCHEMA = SchemaBuilder.int64().build();
    Schema FLOAT32_SCHEMA = SchemaBuilder.float32().build();
    Schema FLOAT64_SCHEMA = SchemaBuilder.float64().build();
    Schema BOOLEAN_SCHEMA = SchemaBuilder.bool().build();
    Schema STRING_SCHEMA = SchemaBuilder.string().build();
    Schema BYTES_SCHEMA = SchemaBuilder.bytes().build();

    Schema OPTIONAL_INT8_SCHEMA = SchemaBuilder.int8().optional().build();
    Schema OPTIONAL_INT16_SCHEMA = SchemaBuilder.int16().optional().build();
    Schema OPTIONAL_INT32_SCHEMA = SchemaBuilder.int32().optional().build();
    Schema OPTIONAL_INT64_SCHEMA = SchemaBuilder.int64().optional().build();
    Schema OPTIONAL_FLOAT32_SCHEMA = SchemaBuilder.float32().optional().build();
    Schema OPTIONAL_FLOAT64_SCHEMA = SchemaBuilder.float64().optional().build();
    Schema OPTIONAL_BOOLEAN_SCHEMA = SchemaBuilder.bool().optional().build();
    Schema OPTIONAL_STRING_SCHEMA = SchemaBuilder.string().optional().build();
    Schema OPTIONAL_BYTES_SCHEMA = SchemaBuilder.bytes().optional().build();

    /** @return the type of this schema */
    Type type();

    /** @return true if null is a valid value for this schema */
    boolean isOptional();

    /** @return the value used when none is given, or null */
    Object defaultValue();

    /** @return the name of this schema (logical types use it to identify themselves), or null */
    String name();

    /** @return the version of this schema, or null */
    Integer version();

    /** @return the documentation of this schema, or null */
    String doc();

    /** @return the schema parameters (e.g. a Decimal's scale), or null if none were set */
    Map<String, String> parameters();

    /**
     * @return the key schema of a MAP schema
     * @throws org.apache.kafka.connect.errors.DataException if this is not a MAP schema
     */
    Schema keySchema();

    /**
     * @return the value schema of an ARRAY or MAP schema
     * @throws org.apache.kafka.connect.errors.DataException if this is neither an ARRAY nor a MAP schema
     */
    Schema valueSchema();

    /**
     * @return the fields of a STRUCT schema, in order
     * @throws org.apache.kafka.connect.errors.DataException if this is not a STRUCT schema
     */
    List<Field> fields();

    /**
     * @param fieldName the name of the field
     * @return the field of a STRUCT schema with that name, or null if there is none
     * @throws org.apache.kafka.connect.errors.DataException if this is not a STRUCT schema
     */
    Field field(String fieldName);

    /** @return this schema as an immutable {@link Schema} (a builder builds one) */
    Schema schema();
}
