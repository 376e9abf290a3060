package org.apache.kafka.connect.errors;

/**
 * Raised when a requested entity (for example a connector or task) does not exist.
 */
public class NotFoundException extends ConnectException {

    public NotFoundException(String message) {
        super(message);
    }

    public NotFoundException(String message, Throwable cause) {
        super(message, cause);
    }

    public NotFoundException(Throwable cause) {
        super(cause);
    }
}
