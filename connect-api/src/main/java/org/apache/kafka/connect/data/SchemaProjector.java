package org.apache.kafka.connect.data;

import org.apache.kafka.connect.errors.SchemaProjectorException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Projects a value written with one schema onto a compatible target schema, for example to read old and new versions
 * of records through one schema. Schemas are compatible when their types are equal or the source's numeric type can
 * be widened to the target's (INT8 &lt; INT16 &lt; INT32 &lt; INT64 &lt; FLOAT32 &lt; FLOAT64), and their names and
 * parameters are equal. Struct fields are matched by name: fields missing from the source take the target's default
 * or stay null if optional; fields only in the source are dropped.
 */
public class SchemaProjector {

    /** The numeric types in widening order: a type can be projected onto itself and any later one. */
    private static final List<Schema.Type> NUMERIC_WIDENING_ORDER = List.of(
            Schema.Type.INT8, Schema.Type.INT16, Schema.Type.INT32, Schema.Type.INT64,
            Schema.Type.FLOAT32, Schema.Type.FLOAT64);

    /**
     * @param source the schema the record was written with
     * @param record the value, valid for the source schema
     * @param target the schema to project onto
     * @return the value as valid for the target schema
     * @throws SchemaProjectorException if the schemas are not compatible or the value cannot be projected
     */
    public static Object project(Schema source, Object record, Schema target) throws SchemaProjectorException {
        checkCompatible(source, target);
        if (source.isOptional() && !target.isOptional()) {
            // A required target can take an optional source only if it has a default to stand in for null.
            if (target.defaultValue() == null) {
                throw new SchemaProjectorException(
                        "Writer schema is optional, however, target schema does not provide a default value.");
            }
            return record == null ? target.defaultValue() : projectValue(source, record, target);
        }
        return record == null ? null : projectValue(source, record, target);
    }

    private static Object projectValue(Schema source, Object record, Schema target) {
        switch (target.type()) {
            case STRUCT:
                return projectStruct(source, (Struct) record, target);
            case ARRAY:
                return projectArray(source, (List<?>) record, target);
            case MAP:
                return projectMap(source, (Map<?, ?>) record, target);
            default:
                return projectPrimitive(source, record, target);
        }
    }

    private static Struct projectStruct(Schema source, Struct record, Schema target) {
        Struct projected = new Struct(target);
        for (Field targetField : target.fields()) {
            String fieldName = targetField.name();
            Field sourceField = source.field(fieldName);
            if (sourceField != null) {
                Object value;
                try {
                    value = project(sourceField.schema(), record.get(sourceField), targetField.schema());
                } catch (SchemaProjectorException e) {
                    throw new SchemaProjectorException("Error projecting " + sourceField.name(), e);
                }
                projected.put(fieldName, value);
            } else if (targetField.schema().isOptional()) {
                // Left null: an optional field missing from the source simply has no value.
                continue;
            } else if (targetField.schema().defaultValue() != null) {
                projected.put(fieldName, targetField.schema().defaultValue());
            } else {
                throw new SchemaProjectorException("Required field `" + fieldName
                        + "` is missing from source schema: " + source);
            }
        }
        return projected;
    }

    private static List<Object> projectArray(Schema source, List<?> record, Schema target) {
        List<Object> projected = new ArrayList<>(record.size());
        for (Object element : record) {
            projected.add(project(source.valueSchema(), element, target.valueSchema()));
        }
        return projected;
    }

    private static Map<Object, Object> projectMap(Schema source, Map<?, ?> record, Schema target) {
        Map<Object, Object> projected = new HashMap<>();
        for (Map.Entry<?, ?> entry : record.entrySet()) {
            Object key = project(source.keySchema(), entry.getKey(), target.keySchema());
            Object value = project(source.valueSchema(), entry.getValue(), target.valueSchema());
            projected.put(key, value);
        }
        return projected;
    }

    private static Object projectPrimitive(Schema source, Object record, Schema target) {
        if (!isWidening(source.type(), target.type()) || !(record instanceof Number)) {
            return record;
        }
        Number number = (Number) record;
        switch (target.type()) {
            case INT8:
                return number.byteValue();
            case INT16:
                return number.shortValue();
            case INT32:
                return number.intValue();
            case INT64:
                return number.longValue();
            case FLOAT32:
                return number.floatValue();
            case FLOAT64:
                return number.doubleValue();
            default:
                throw new SchemaProjectorException("Not promotable type.");
        }
    }

    private static void checkCompatible(Schema source, Schema target) {
        if (source.type() != target.type() && !isWidening(source.type(), target.type())) {
            throw new SchemaProjectorException("Schema type mismatch. source type: " + source.type()
                    + " and target type: " + target.type());
        }
        if (!Objects.equals(source.name(), target.name())) {
            throw new SchemaProjectorException("Schema name mismatch. source name: " + source.name()
                    + " and target name: " + target.name());
        }
        if (!Objects.equals(source.parameters(), target.parameters())) {
            throw new SchemaProjectorException("Schema parameters not equal. source parameters: "
                    + source.parameters() + " and target parameters: " + target.parameters());
        }
    }

    /** True if a value of the source type can be converted to the target type without narrowing. */
    private static boolean isWidening(Schema.Type source, Schema.Type target) {
        int sourceRank = NUMERIC_WIDENING_ORDER.indexOf(source);
        int targetRank = NUMERIC_WIDENING_ORDER.indexOf(target);
        return sourceRank >= 0 && targetRank >= 0 && sourceRank <= targetRank;
    }
}
