package org.apache.kafka.connect.data;

import org.apache.kafka.connect.errors.DataException;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Decides whether a Java object is a valid value for a schema; the logic behind
 * {@link ConnectSchema#validateValue(String, Schema, Object)} and {@link ConnectSchema#schemaType(Class)}.
 */
final class SchemaValueValidator {

    /** The Java classes a value of each type may have, when the schema is not a known logical type. */
    private static final Map<Schema.Type, List<Class<?>>> CLASSES_BY_TYPE = classesByType();

    /** The Java class a value of each known logical type must have, by logical schema name. */
    private static final Map<String, Class<?>> CLASS_BY_LOGICAL_NAME = Map.of(
            Decimal.LOGICAL_NAME, BigDecimal.class,
            Date.LOGICAL_NAME, java.util.Date.class,
            Time.LOGICAL_NAME, java.util.Date.class,
            Timestamp.LOGICAL_NAME, java.util.Date.class);

    private SchemaValueValidator() {
    }

    private static Map<Schema.Type, List<Class<?>>> classesByType() {
        Map<Schema.Type, List<Class<?>>> classes = new EnumMap<>(Schema.Type.class);
        classes.put(Schema.Type.INT8, List.of(Byte.class));
        classes.put(Schema.Type.INT16, List.of(Short.class));
        classes.put(Schema.Type.INT32, List.of(Integer.class));
        classes.put(Schema.Type.INT64, List.of(Long.class));
        classes.put(Schema.Type.FLOAT32, List.of(Float.class));
        classes.put(Schema.Type.FLOAT64, List.of(Double.class));
        classes.put(Schema.Type.BOOLEAN, List.of(Boolean.class));
        classes.put(Schema.Type.STRING, List.of(String.class));
        classes.put(Schema.Type.BYTES, List.of(byte[].class, ByteBuffer.class));
        classes.put(Schema.Type.ARRAY, List.of(List.class));
        classes.put(Schema.Type.MAP, List.of(Map.class));
        classes.put(Schema.Type.STRUCT, List.of(Struct.class));
        return Collections.unmodifiableMap(classes);
    }

    static Schema.Type schemaTypeOf(Class<?> klass) {
        // An exact match first, so that a class is never attributed to a type through a supertype by accident.
        for (Map.Entry<Schema.Type, List<Class<?>>> entry : CLASSES_BY_TYPE.entrySet()) {
            if (entry.getValue().contains(klass)) {
                return entry.getKey();
            }
        }
        for (Map.Entry<Schema.Type, List<Class<?>>> entry : CLASSES_BY_TYPE.entrySet()) {
            for (Class<?> candidate : entry.getValue()) {
                if (candidate.isAssignableFrom(klass)) {
                    return entry.getKey();
                }
            }
        }
        return null;
    }

    static void validate(String field, Schema schema, Object value) {
        validate(Container.ROOT, field, schema, value);
    }

    /**
     * Where a value sits inside its enclosing arrays and maps, rendered ("element of array key of map ")
     * only when an error message needs it: validation of valid data builds no strings.
     */
    private record Container(String label, Container outer) {
        static final Container ROOT = new Container("", null);
        static final Container ARRAY_ELEMENT = new Container("element of array ", ROOT);
        static final Container MAP_KEY = new Container("key of map ", ROOT);
        static final Container MAP_VALUE = new Container("value of map ", ROOT);

        Container in(String innerLabel, Container rootConstant) {
            return this == ROOT ? rootConstant : new Container(innerLabel, this);
        }

        String render() {
            return outer == null ? label : label + outer.render();
        }
    }

    private static void validate(Container container, String field, Schema schema, Object value) {
        if (value == null) {
            if (!schema.isOptional()) {
                throw new DataException("Invalid value: null used for required " + location(container, field)
                        + ", schema type: " + schema.type());
            }
            return;
        }
        if (!hasExpectedClass(schema, value)) {
            String schemaName = schema.name() == null ? "" : " \"" + schema.name() + "\"";
            throw new DataException("Invalid Java object for schema" + schemaName + " with type " + schema.type()
                    + ": " + value.getClass() + " for " + location(container, field));
        }
        switch (schema.type()) {
            case STRUCT:
                Struct struct = (Struct) value;
                if (!struct.schema().equals(schema)) {
                    throw new DataException("Struct schemas do not match.");
                }
                struct.validate();
                break;
            case ARRAY:
                Container elementContainer = container.in(Container.ARRAY_ELEMENT.label(), Container.ARRAY_ELEMENT);
                for (Object element : (List<?>) value) {
                    validate(elementContainer, field, schema.valueSchema(), element);
                }
                break;
            case MAP:
                Container keyContainer = container.in(Container.MAP_KEY.label(), Container.MAP_KEY);
                Container valueContainer = container.in(Container.MAP_VALUE.label(), Container.MAP_VALUE);
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    validate(keyContainer, field, schema.keySchema(), entry.getKey());
                    validate(valueContainer, field, schema.valueSchema(), entry.getValue());
                }
                break;
            default:
                break;
        }
    }

    private static boolean hasExpectedClass(Schema schema, Object value) {
        Class<?> logicalClass = schema.name() == null ? null : CLASS_BY_LOGICAL_NAME.get(schema.name());
        if (logicalClass != null) {
            return logicalClass.isInstance(value);
        }
        List<Class<?>> classes = CLASSES_BY_TYPE.get(schema.type());
        if (classes == null) {
            return false;
        }
        for (Class<?> candidate : classes) {
            if (candidate.isInstance(value)) {
                return true;
            }
        }
        return false;
    }

    private static String location(Container container, String field) {
        return container.render() + (field == null ? "value" : "field: \"" + field + "\"");
    }
}
