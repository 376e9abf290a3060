package org.apache.kafka.connect.transforms.util;

import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/** Copies the descriptive parts of a schema onto a builder that a transform then completes. */
public class SchemaUtil {

    public SchemaUtil() {
    }

    /**
     * A builder of the same type with the source's name, version, doc and parameters; an array keeps
     * its element schema. Optionality, default, fields and map schemas are left to the caller.
     */
    public static SchemaBuilder copySchemaBasics(Schema source) {
        SchemaBuilder builder = source.type() == Schema.Type.ARRAY
            ? SchemaBuilder.array(source.valueSchema())
            : new SchemaBuilder(source.type());
        return copySchemaBasics(source, builder);
    }

    /** Sets the source's name, version, doc and parameters (when it has any) on the given builder. */
    public static SchemaBuilder copySchemaBasics(Schema source, SchemaBuilder builder) {
        builder.name(source.name());
        builder.version(source.version());
        builder.doc(source.doc());
        Map<String, String> parameters = source.parameters();
        if (parameters != null) {
            builder.parameters(parameters);
        }
        return builder;
    }
}
