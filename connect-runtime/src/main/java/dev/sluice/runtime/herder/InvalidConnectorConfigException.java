package dev.sluice.runtime.herder;

import org.apache.kafka.connect.errors.ConnectException;

/**
 * A connector configuration was rejected before anything was stored: it failed validation, names no or an
 * unknown connector class, or contradicts the request (a {@code name} that differs from the connector's).
 * The client's mistake: REST answers 400 with this message.
 */
public class InvalidConnectorConfigException extends ConnectException {

    private static final long serialVersionUID = 1L;

    private final transient ConfigValidation validation;

    /** A rejection with a message and no validation result. */
    public InvalidConnectorConfigException(String message) {
        this(message, null, null);
    }

    /** A rejection with a message and its cause. */
    public InvalidConnectorConfigException(String message, Throwable cause) {
        this(message, null, cause);
    }

    /** A rejection by validation; {@code validation} holds every error. */
    public InvalidConnectorConfigException(String message, ConfigValidation validation, Throwable cause) {
        super(message, cause);
        this.validation = validation;
    }

    /** The validation result that caused the rejection, or {@code null} if it was not a validation failure. */
    public ConfigValidation validation() {
        return validation;
    }
}
