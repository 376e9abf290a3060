package org.apache.kafka.connect.transforms;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/** Reading struct fields the way transforms with a {@code replace.null.with.default} setting do. */
final class StructFields {

    static final String REPLACE_NULL_WITH_DEFAULT_DOC = "When a struct field that declares a default value is null:"
        + " true reads it as its default, false keeps it null.";

    private StructFields() {
    }

    /** The field's value; a null value reads as the field's default when {@code nullAsDefault} is set. */
    static Object read(Struct struct, Field field, boolean nullAsDefault) {
        return nullAsDefault ? struct.get(field) : struct.getWithoutDefault(field.name());
    }

    /** Like {@link #read(Struct, Field, boolean)} by name; fails if the struct has no such field. */
    static Object read(Struct struct, String fieldName, boolean nullAsDefault) {
        return nullAsDefault ? struct.get(fieldName) : struct.getWithoutDefault(fieldName);
    }
}
