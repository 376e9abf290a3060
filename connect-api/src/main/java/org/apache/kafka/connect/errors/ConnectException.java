package org.apache.kafka.connect.errors;

import org.apache.kafka.common.KafkaException;

/**
 * Base class of every exception raised by Kafka Connect, by the worker as well as by connectors, tasks,
 * converters and transformations.
 */
public class ConnectException extends KafkaException {

    public ConnectException(String message) {
        super(message);
    }

    public ConnectException(String message, Throwable cause) {
        super(message, cause);
    }

    public ConnectException(Throwable cause) {
        super(cause);
    }
}
