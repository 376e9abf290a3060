package org.apache.kafka.connect.errors;

/**
 * Raised by {@link org.apache.kafka.connect.data.SchemaProjector} when a value cannot be projected from its
 * source schema onto the target schema.
 */
public class SchemaProjectorException extends DataException {

    public SchemaProjectorException(String message) {
        super(message);
    }

    public SchemaProjectorException(String message, Throwable cause) {
        super(message, cause);
    }

    public SchemaProjectorException(Throwable cause) {
        super(cause);
    }
}
