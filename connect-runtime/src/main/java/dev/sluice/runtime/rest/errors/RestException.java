package dev.sluice.runtime.rest.errors;

import org.apache.kafka.connect.errors.ConnectException;

/** A request the REST layer answers with a given status and message, e.g. 400 for a body that names no connector. */
public class RestException extends ConnectException {

    private static final long serialVersionUID = 1L;

    private final int status;

    /** An answer with {@code status} and {@code message}. */
    public RestException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** An answer with {@code status}, {@code message} and the exception that caused it. */
    public RestException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status of the answer. */
    public int status() {
        return status;
    }

    /** 400: the client's request is wrong; {@code message} says how. */
    public static RestException badRequest(String message) {
        return new RestException(400, message);
    }
}
