package org.apache.kafka.connect.errors;

/**
 * Raised by a connector or task for a failure that is expected to be transient: the framework retries the
 * operation instead of failing the task.
 */
public class RetriableException extends ConnectException {

    public RetriableException(String message) {
        super(message);
    }

    public RetriableException(String message, Throwable cause) {
        super(message, cause);
    }

    public RetriableException(Throwable cause) {
        super(cause);
    }
}
