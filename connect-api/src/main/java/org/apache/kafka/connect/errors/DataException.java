package org.apache.kafka.connect.errors;

/**
 * Raised when data does not match what is expected of it: a value that does not fit its schema, a
 * conversion between data formats that cannot be done, or data that cannot be (de)serialized.
 */
public class DataException extends ConnectException {

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }

    public DataException(Throwable cause) {
        super(cause);
    }
}
