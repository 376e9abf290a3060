package org.apache.kafka.connect.errors;

/**
 * Raised when a worker, connector or task is asked to do something that its current state does not allow.
 */
public class IllegalWorkerStateException extends ConnectException {

    public IllegalWorkerStateException(String message) {
        super(message);
    }

    public IllegalWorkerStateException(String message, Throwable cause) {
        super(message, cause);
    }

    public IllegalWorkerStateException(Throwable cause) {
        super(cause);
    }
}
