package org.apache.kafka.connect.data;

import java.util.Objects;

/**
 * A field of a STRUCT {@link Schema}: its name, its position among the struct's fields, and its schema.
 */
public class Field {

    private final String name;
    private final int index;
    private final Schema schema;

    /**
     * @param name the field name
     * @param index the position of the field in its struct, starting at 0
     * @param schema the schema of the field's values
     */
    public Field(String name, int index, Schema schema) {
        this.name = name;
        this.index = index;
        this.schema = schema;
    }

    /** @return the field name */
    public String name() {
        return name;
    }

    /** @return the position of the field in its struct, starting at 0 */
    public int index() {
        return index;
    }

    /** @return the schema of the field's values */
    public Schema schema() {
        return schema;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        Field that = (Field) o;
        return index == that.index && Objects.equals(name, that.name) && Objects.equals(schema, that.schema);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, index, schema);
    }

    @Override
    public String toString() {
        return "Field{name=" + name + ", index=" + index + ", schema=" + schema + "}";
    }
}
