package org.apache.kafka.connect.errors;

import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class ConnectExceptionHierarchyTest {

    @Test
    void connectExceptionIsAKafkaException() {
        assertInstanceOf(KafkaException.class, new ConnectException("x"));
    }

    @Test
    void schemaExceptionsAreDataExceptions() {
        assertInstanceOf(DataException.class, new SchemaBuilderException("x"));
        assertInstanceOf(DataException.class, new SchemaProjectorException("x"));
    }

    @Test
    void workerExceptionsAreConnectExceptions() {
        assertInstanceOf(ConnectException.class, new AlreadyExistsException("x"));
        assertInstanceOf(ConnectException.class, new IllegalWorkerStateException("x"));
        assertInstanceOf(ConnectException.class, new NotFoundException("x"));
        assertInstanceOf(ConnectException.class, new RetriableException("x"));
        assertInstanceOf(ConnectException.class, new DataException("x"));
    }

    @Test
    void constructorsKeepMessageAndCause() {
        Throwable cause = new IllegalStateException("root");
        RetriableException withBoth = new RetriableException("retry me", cause);
        assertEquals("retry me", withBoth.getMessage());
        assertSame(cause, withBoth.getCause());

        NotFoundException onlyCause = new NotFoundException(cause);
        assertSame(cause, onlyCause.getCause());
        assertEquals(cause.toString(), onlyCause.getMessage(), "a cause-only exception takes the cause's text");

        assertNull(new AlreadyExistsException("exists").getCause());
    }
}
