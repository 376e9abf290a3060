package org.apache.kafka.connect.errors;

/**
 * Raised by {@link org.apache.kafka.connect.data.SchemaBuilder} when a schema is being built with an
 * invalid combination of settings.
 */
public class SchemaBuilderException extends DataException {

    public SchemaBuilderException(String message) {
        super(message);
    }

    public SchemaBuilderException(String message, Throwable cause) {
        super(message, cause);
    }

    public SchemaBuilderException(Throwable cause) {
        super(cause);
    }
}
