package dev.sluice.runtime.worker.errors;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * The error context headers of a dead letter queue record ({@code errors.deadletterqueue.context.headers.enable}):
 * Apache Connect's names, each value the UTF-8 bytes of its text (numbers in decimal, the stage by name, classes by
 * binary name, the stack trace as {@link Throwable#printStackTrace()} prints it; a null exception message gives a
 * header with a null value). Added after the consumed record's own headers.
 */
public final class DeadLetterQueueHeaders {

    /** Prefix of every error context header. */
    public static final String PREFIX = "__connect.errors.";
    /** The consumed record's topic. */
    public static final String TOPIC = PREFIX + "topic";
    /** The consumed record's partition. */
    public static final String PARTITION = PREFIX + "partition";
    /** The consumed record's offset. */
    public static final String OFFSET = PREFIX + "offset";
    /** The connector's name. */
    public static final String CONNECTOR_NAME = PREFIX + "connector.name";
    /** The task's number. */
    public static final String TASK_ID = PREFIX + "task.id";
    /** The {@link Stage} that failed. */
    public static final String STAGE = PREFIX + "stage";
    /** The class that failed. */
    public static final String EXECUTING_CLASS = PREFIX + "class.name";
    /** The exception's class. */
    public static final String EXCEPTION_CLASS = PREFIX + "exception.class.name";
    /** The exception's message. */
    public static final String EXCEPTION_MESSAGE = PREFIX + "exception.message";
    /** The exception's stack trace. */
    public static final String EXCEPTION_STACK_TRACE = PREFIX + "exception.stacktrace";

    private final byte[] connectorName;
    private final byte[] taskId;

    /**
     * Headers for the records of one task.
     *
     * @param connector the connector's name
     * @param task the task's number
     */
    public DeadLetterQueueHeaders(String connector, int task) {
        this.connectorName = utf8(Objects.requireNonNull(connector, "connector"));
        this.taskId = utf8(Integer.toString(task));
    }

    /** Adds the context headers of {@code failure}, whose original record is {@code consumed}, to {@code headers}. */
    public void addTo(Headers headers, ConsumerRecord<?, ?> consumed, FailedRecord failure) {
        Throwable error = failure.error();
        headers.add(TOPIC, utf8(consumed.topic()))
            .add(PARTITION, utf8(Integer.toString(consumed.partition())))
            .add(OFFSET, utf8(Long.toString(consumed.offset())))
            .add(CONNECTOR_NAME, connectorName)
            .add(TASK_ID, taskId)
            .add(STAGE, utf8(failure.stage().name()))
            .add(EXECUTING_CLASS, utf8(failure.executingClass().getName()))
            .add(EXCEPTION_CLASS, utf8(error.getClass().getName()))
            .add(EXCEPTION_MESSAGE, error.getMessage() == null ? null : utf8(error.getMessage()))
            .add(EXCEPTION_STACK_TRACE, stackTrace(error));
    }

    private static byte[] stackTrace(Throwable error) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            error.printStackTrace(out);
        }
        return bytes.toByteArray();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
