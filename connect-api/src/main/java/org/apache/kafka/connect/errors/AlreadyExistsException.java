package org.apache.kafka.connect.errors;

/**
 * Raised when an entity (for example a connector) is to be created but one with the same name already exists.
 */
public class AlreadyExistsException extends ConnectException {

    public AlreadyExistsException(String message) {
        super(message);
    }

    public AlreadyExistsException(String message, Throwable cause) {
        super(message, cause);
    }

    public AlreadyExistsException(Throwable cause) {
        super(cause);
    }
}
