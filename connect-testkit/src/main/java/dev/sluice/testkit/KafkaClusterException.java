package dev.sluice.testkit;

/**
 * A Kafka cluster of the testkit could not be started, stopped or used; the message names the broker, the
 * operation and, for a broker that failed, the tail of its log.
 */
public class KafkaClusterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed and what to do about it
     */
    public KafkaClusterException(String message) {
        super(message);
    }

    /**
     * @param message what failed and what to do about it
     * @param cause   the underlying failure
     */
    public KafkaClusterException(String message, Throwable cause) {
        super(message, cause);
    }
}
